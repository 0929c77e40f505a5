using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Casework;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// The timeline's words for the history links the deadline watch and 督 write, from the reasons exactly as the cases
/// service phrases them (Application/DeadlineWatch.cs, Supervise.cs): links the browser tests cannot bring about at will.
/// </summary>
public sealed class CaseOversightWordsTests
{
    private static readonly HistoryWords Words = new(JurisdictionTree.LoadEmbedded());

    [Theory]
    [InlineData("Remind", "320506 吴中区生态环境局: 2 working days left to 2024-10-09", "提醒吴中区生态环境局：距期限 2024年10月9日 还有 2 个工作日")]
    [InlineData("Overdue", "320506 missed its deadline 2024-10-09", "吴中区未在期限 2024年10月9日 前办结")]
    [InlineData("StopVerificationOverdue", "measure 1 (Shutdown) not verified by 2024-10-08 (长停久治、久治不验)",
        "第 1 项措施（关停取缔）未在 2024年10月8日 前现场核查（长停久治、久治不验）")]
    [InlineData("Deliver", "delivered to 320506 吴中区水务局 at 2024-09-30 08:00 after quiet hours; due 2024-10-14",
        "夜间交办，2024年9月30日 08:00 送达吴中区水务局，期限 2024年10月14日")]
    [InlineData("Reopen", "repeated complaint abc-123 (repeat 2)", "重复举报（案件 abc-123），第 2 次")]
    [InlineData("RecountDeadline", "1 provisional deadline(s) counted again on the calendar to 2025-12-31; the holder's deadline moves from 2025-01-02 to 2025-01-03",
        "按新发布的节假日安排重新计算 1 个暂定期限；承办方期限由 2025年1月2日 改为 2025年1月3日")]
    [InlineData("Supervise", "SpecialTeam by 李组长: 明察暗访三次", "专项督导组（明察暗访），督导组组长：李组长；要求：明察暗访三次")]
    [InlineData("Supervise", "Reminder", "催办")]
    [InlineData("RecordAccountability", "2 accountable, 0 exempted (容错)", "记录被问责人员 2 人")]
    public void A_link_reads_in_Chinese_with_places_named(string action, string reason, string expected) =>
        Assert.Equal(expected, Words.Reason(action, reason));
}
