using Ducha.Contracts.Secondment.V1;

namespace Ducha.WebConsole.Secondment;

/// <summary>
/// A group's members as the organization form writes them, one a line: 职务 姓名 单位 (组长 王明 宁波市生态环境局). A line
/// without a 职务 word is a 成员; the unit may hold spaces.
/// </summary>
public static class OrganizationText
{
    private static readonly char[] Gaps = [' ', '　', '\t', '，', ','];

    public static string Lines(IEnumerable<string> lines) => string.Join('\n', lines);

    public static string Members(IEnumerable<GroupMember> members) =>
        Lines(members.Select(m => $"{SecondmentWords.MemberRole(m.Role)} {m.Name} {m.Unit}".Trim()));

    public static List<string> Duties(string? text) => [.. SplitLines(text)];

    /// <summary>
    /// The form's rows that go to the service, by their place in the form: a group left empty is one the level has not set
    /// up, so it is not sent (the leading group always is). The service names a refused row by its place in what was sent.
    /// </summary>
    public static List<int> Sent(IReadOnlyList<GroupRows> rows) =>
        [.. Enumerable.Range(0, rows.Count).Where(i => rows[i].Kind == nameof(GroupKind.Leading)
            || SplitLines(rows[i].Duties).Length > 0 || SplitLines(rows[i].Members).Length > 0)];

    public static List<GroupMember> ParseMembers(string? text)
    {
        var members = new List<GroupMember>();
        foreach (var line in SplitLines(text))
        {
            var words = line.Split(Gaps, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var role = SecondmentWords.MemberRoles.FirstOrDefault(r => SecondmentWords.MemberRole(r) == words[0]);
            if (role != MemberRole.Unspecified) words.RemoveAt(0);
            else role = MemberRole.Member;
            members.Add(new GroupMember { Role = role, Name = words.ElementAtOrDefault(0) ?? "", Unit = string.Join(' ', words.Skip(1)) });
        }
        return members;
    }

    private static string[] SplitLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
