using Ducha.BuildingBlocks;
using Ducha.Contracts.Assessment.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Assessment;

/// <summary>A scheme as the desk lists it: whose it is, and whether it is the one that applies to the desk's year.</summary>
public sealed record SchemeRow(Scheme Scheme, string Place, bool Own, bool Applies);

/// <summary>The duty reports of the parties one of the level's schemes assesses: filed, and missing.</summary>
public sealed record DutyReportRows(Audience Audience, IReadOnlyList<DutyReport> Filed, IReadOnlyList<AssessedParty> Missing);

/// <summary>
/// 考核 for one level and year: the schemes that apply to it (its own, and those of the level above that assess it), the
/// duty reports the parties it assesses owe, the year's vetoes, and — for a party that is itself assessed — its own
/// sheet in brief, or the rule's words for why there is none yet.
/// </summary>
public sealed record AssessmentDesk(int Year, SignedInPerson Person, JurisdictionLevel Level, IReadOnlyList<SchemeRow> Schemes,
    IReadOnlyList<DutyReportRows> DutyReports, IReadOnlyList<Veto> Vetoes, ScoreSheet? OwnSheet, string? OwnSheetNote)
{
    /// <summary>Offices and assessors of a level with a level below: they write schemes, vetoes and frozen results.</summary>
    public bool Assesses => Person.Role is Role.Office or Role.Assessor && Level < JurisdictionLevel.County;

    /// <summary>The party this person answers for, if it is assessed: a department's staff their department; a city's or county's office its place.</summary>
    public string? OwnDepartment => Person.Role == Role.LeadDepartment ? Person.Unit : null;

    public bool IsAssessed => OwnDepartment is not null || (Person.Role is Role.Office or Role.Assessor && Level > JurisdictionLevel.Province);

    /// <summary>Who files a duty report: a county's office for the county, a department's staff for the department.</summary>
    public bool FilesDutyReport => OwnDepartment is not null || (Person.Role == Role.Office && Level == JurisdictionLevel.County);

    public IEnumerable<Audience> AudiencesWithOwnScheme => Schemes.Where(s => s.Own).Select(s => s.Scheme.Audience).Distinct().Order();
}

/// <summary>Reads the desk with ListSchemes, ListDutyReports, ListVetoes and the party's own GetScoreSheet, as the signed-in person.</summary>
public sealed class AssessmentDeskQuery(ConsoleAssessmentClient assessment, JurisdictionTree tree)
{
    public async Task<AssessmentDesk> LoadAsync(SignedInPerson person, int year, CancellationToken cancellationToken)
    {
        var code = person.JurisdictionCode;
        var level = tree.Get(code).Level;
        var schemes = SchemesAsync(code, year, cancellationToken);
        var vetoes = OrEmpty(async () => (await assessment.ListVetoesAsync(new ListVetoesRequest { JurisdictionCode = code, Year = year },
            cancellationToken: cancellationToken)).Vetoes.ToList());
        var desk = new AssessmentDesk(year, person, level, await schemes, [], [], null, null);
        var ownSheet = desk.IsAssessed
            ? await Read.TryAsync<ScoreSheet>(async () => await assessment.GetScoreSheetAsync(new GetScoreSheetRequest
            {
                JurisdictionCode = code, Year = year, Department = desk.OwnDepartment ?? "",
            }, cancellationToken: cancellationToken))
            : null;
        var reports = new List<DutyReportRows>();
        if (desk.Assesses)
            foreach (var audience in desk.AudiencesWithOwnScheme)
                if (await DutyReportsAsync(code, year, audience, cancellationToken) is { } rows) reports.Add(rows);
        return desk with { DutyReports = reports, Vetoes = await vetoes, OwnSheet = ownSheet?.Value, OwnSheetNote = ownSheet?.Refusal };
    }

    private async Task<IReadOnlyList<SchemeRow>> SchemesAsync(string code, int year, CancellationToken cancellationToken)
    {
        var page = await assessment.ListSchemesAsync(new ListSchemesRequest { JurisdictionCode = code, PageSize = 100 }, cancellationToken: cancellationToken);
        return [.. page.Schemes.Select(s => new SchemeRow(s, AssessmentPlaces.FullName(tree, s.JurisdictionCode), s.JurisdictionCode == code,
            SchemeChoice.Applies(s, year, page.Schemes)))];
    }

    private async Task<DutyReportRows?> DutyReportsAsync(string code, int year, Audience audience, CancellationToken cancellationToken)
    {
        try
        {
            var list = await assessment.ListDutyReportsAsync(new ListDutyReportsRequest { JurisdictionCode = code, Year = year, Audience = audience },
                cancellationToken: cancellationToken);
            return new DutyReportRows(audience, list.Filed, list.Missing);
        }
        catch (RpcException ex) when (ServiceRefusal.IsRefusal(ex))
        {
            // No scheme in force for the audience this year: no one owes a report under it yet.
            return null;
        }
    }

    private static async Task<IReadOnlyList<T>> OrEmpty<T>(Func<Task<List<T>>> read)
    {
        try
        {
            return await read();
        }
        catch (RpcException ex) when (ServiceRefusal.IsRefusal(ex))
        {
            return [];
        }
    }
}
