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
