using Ducha.BuildingBlocks;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Services.Tests;

/// <summary>How the notice words a city's report, on dates the test host's clock cannot reach.</summary>
public sealed class ExposureNoticeTextTests
{
    private const string Suzhou = "320500", Huqiu = "320505";

    [Fact]
    public void A_report_in_by_its_due_date_is_on_time_and_one_corrected_later_keeps_its_first_date()
    {
        var tree = JurisdictionTree.LoadEmbedded();
        var period = new ReportingPeriod(2024, 8);
        var office = new Actor("test-office-320500", Role.Office, Suzhou, "city");
        ProblemAccountability[] problems =
        [
            new() { ExposureId = "e1", CaseId = "c1", PlaceJurisdictionCode = Huqiu, AiredOn = new(2024, 8, 5),
                People = [new() { Rank = CadreRank.Bureau, Sanction = Sanction.PartyDiscipline, Count = 1 }] },
        ];
        var onTime = BeijingTime(2024, 9, 10, 23);
        var corrected = AccountabilityReport.Submit(tree.Get(Suzhou), period, problems, null, 2, office, null, BeijingTime(2024, 9, 20, 9));

        var text = AccountabilityNotice.Compose(tree.Get("320000"), period,
            [new CityStanding(tree.Get(Suzhou), 1, corrected, onTime, null, new Dictionary<string, string>())], new DateOnly(2024, 9, 27));

        Assert.True(corrected.Late);
        Assert.Contains("苏州市：曝光问题1个；2024年9月10日报送问责情况，后更正为第2版；问责1人，其中厅级1人；党纪处分1人。", text);
        Assert.Contains("各设区市问责情况应于2024年9月10日前报送", text);
    }

    private static DateTimeOffset BeijingTime(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));
}
