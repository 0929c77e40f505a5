using Ducha.BuildingBlocks;
using Ducha.Contracts.Assessment.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Assessment;

/// <summary>
/// A party's score sheet as its page shows it: the sheet, the scheme it was computed under (for the targets in words; null
/// when it cannot be read), and whether this person is of the assessing level, who records and withdraws vetoes.
/// </summary>
public sealed record ScoreSheetView(ScoreSheet Sheet, string Party, string Place, Scheme? Scheme, bool Assessing)
{
    public bool MayVeto => Assessing && !Sheet.Frozen;

    /// <summary>The scheme's indicator behind a score, for its direction and the target as the scheme words it.</summary>
    public Indicator? Spec(string code) => Scheme?.Content?.Programmes.SelectMany(p => p.Indicators).FirstOrDefault(i => i.Code == code);
}

/// <summary>Reads a score sheet with GetScoreSheet (and its scheme with GetScheme), as the signed-in person.</summary>
public sealed class ScoreSheetQuery(ConsoleAssessmentClient assessment, JurisdictionTree tree)
{
    public async Task<Read<ScoreSheetView>> LoadAsync(string code, int year, string? department, SignedInPerson person, CancellationToken cancellationToken)
    {
        if (tree.Find(code) is null) return new Read<ScoreSheetView>(null, true, null);
        return await Read.TryAsync<ScoreSheetView>(async () =>
        {
            var sheet = await assessment.GetScoreSheetAsync(new GetScoreSheetRequest { JurisdictionCode = code, Year = year, Department = department ?? "" },
                cancellationToken: cancellationToken);
            var scheme = await SchemeAsync(sheet.SchemeId, cancellationToken);
            var assessing = person.JurisdictionCode == sheet.AssessorJurisdictionCode && person.Role is Role.Office or Role.Assessor;
            return new ScoreSheetView(sheet, AssessmentPlaces.Party(tree, code, department), AssessmentPlaces.FullName(tree, code), scheme, assessing);
        });
    }

    private async Task<Scheme?> SchemeAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id)) return null;
        try
        {
            return await assessment.GetSchemeAsync(new GetSchemeRequest { Id = id }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ServiceRefusal.IsRefusal(ex))
        {
            // The sheet stands without it: its targets are then given as the values they come to.
            return null;
        }
    }
}
