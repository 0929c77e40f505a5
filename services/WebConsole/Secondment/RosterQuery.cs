using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Secondment.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Secondment;

/// <summary>A cadre on the roster with the term running today, and what the roster says of it.</summary>
/// <param name="DaysLeft">Days from today to the term's last day (0 on the last day); null when not seconded now.</param>
/// <param name="RotationDue">The term's rotation reminder day has come: the post needs its successor (轮换到期).</param>
/// <param name="Successor">The planned successor's name (or id, when not on this page), if a rotation plan names one.</param>
public sealed record RosterRow(Cadre Cadre, int? DaysLeft, bool RotationDue, string? Successor)
{
    public SecondmentTerm? Term => Cadre.Current;
}

/// <summary>
/// The roster page: the level's cadres (a page of them) with their current terms, the places a cadre's home may be (the
/// level and the places below it) and the level's own units, offered when registering a cadre.
/// </summary>
public sealed record Roster(SignedInPerson Person, IReadOnlyList<RosterRow> Rows, string? NextPageToken, IReadOnlyList<Jurisdiction> Homes,
    IReadOnlyList<string> Units, DateOnly Today)
{
    public IEnumerable<RosterRow> Seconded => Rows.Where(r => r.Term is not null);
}

/// <summary>Reads the roster with ListCadres (and the level's units with ListUnits), as the signed-in person.</summary>
public sealed class RosterQuery(ConsoleSecondmentClient secondment, ConsoleUnitsClient units, JurisdictionTree tree, TimeProvider time)
{
    public const int PageSize = 100;

    public async Task<Roster> LoadAsync(SignedInPerson person, string? pageToken, CancellationToken cancellationToken)
    {
        var page = await secondment.ListCadresAsync(new ListCadresRequest
        {
            JurisdictionCode = person.JurisdictionCode, PageSize = PageSize, PageToken = pageToken ?? "",
        }, cancellationToken: cancellationToken);
        var today = SecondmentWords.Today(time);
        var names = page.Cadres.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var rows = page.Cadres.Select(c => Row(c, today, names)).ToList();
        return new Roster(person, rows, page.NextPageToken is { Length: > 0 } next ? next : null, Places(tree, person.JurisdictionCode),
            await UnitsAsync(person.JurisdictionCode, cancellationToken), today);
    }

    private static RosterRow Row(Cadre cadre, DateOnly today, Dictionary<string, string> names)
    {
        if (cadre.Current is not { } term) return new RosterRow(cadre, null, false, null);
        var end = WireDate.Parse(term.EndDate);
        var due = WireDate.Parse(term.RotationDueDate);
        var successor = term.SuccessorCadreId is { Length: > 0 } id ? names.GetValueOrDefault(id, id) : null;
        return new RosterRow(cadre, end is { } e ? e.DayNumber - today.DayNumber : null, due is { } d && today >= d, successor);
    }

    /// <summary>The level and the places below it (through grouping nodes): where a cadre of the level belongs, a target lies.</summary>
    public static List<Jurisdiction> Places(JurisdictionTree tree, string code)
    {
        var homes = new List<Jurisdiction>();
        if (tree.Find(code) is { } level) homes.Add(level);
        homes.AddRange(tree.Children(code).SelectMany(c => SignedInPerson.IsGrouping(c) ? tree.Children(c.Code) : [c]));
        return homes;
    }

    private async Task<IReadOnlyList<string>> UnitsAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            var register = await units.ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = code }, cancellationToken: cancellationToken);
            return [.. register.Units.Select(u => u.Name)];
        }
        catch (RpcException)
        {
            // Only a help for typing: the home unit is still the service's to check.
            return [];
        }
    }
}
