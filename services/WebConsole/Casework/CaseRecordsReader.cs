using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.Identity;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Sessions;
using Ducha.WebConsole.Calls;

namespace Ducha.WebConsole.Casework;

/// <summary>
/// Reads the case file's supervisions, measures, accountability and clues for the page. GetCaseFile gives them to anyone
/// who may see the case; the page names the people held accountable and quotes the clues only to the offices and the
/// supervisory organ, who act on them — a handling unit reads the counts and that a clue went, as disclosure would.
/// </summary>
public static class CaseRecordsReader
{
    public static bool SeesNames(SignedInPerson person) => person.Role is Role.Office or Role.Discipline;

    public static CaseRecords From(CaseFile file, SignedInPerson person, JurisdictionTree tree, DateOnly today)
    {
        var names = SeesNames(person);
        return new CaseRecords(
            [.. file.Supervisions.Select(s => new SupervisionLine(s.Number, OversightWords.Supervision(s.Kind), Blank(s.Leader), OversightWords.LeaderTitle(s.Kind), Blank(s.Note),
                s.Automatic || s.ByJurisdictionCode.Length == 0 ? "系统" : Office(tree, s.ByJurisdictionCode), s.Automatic, Beijing(s.At)!.Value))],
            [.. file.Measures.Select(m => Measure(m, today))],
            Tally(file.Accountability, names, tree),
            [.. file.ClueReferrals.Select(c => new ClueLine(c.Number, names ? c.Summary : null,
                Place(tree, c.SupervisoryOrganJurisdictionCode) + "纪委监委", Beijing(c.At)!.Value))]);
    }

    private static MeasureLine Measure(RecordedMeasure m, DateOnly today)
    {
        var isStop = m.Measure.Kind is MeasureKind.Stop or MeasureKind.Shutdown;
        var checkBy = Date(m.Measure.VerificationDate);
        var checkedAt = Beijing(m.VerifiedAt);
        return new MeasureLine(m.Number, m.ReportNumber, OversightWords.Measure(m.Measure.Kind), OversightWords.Scope(m.Measure.Scope),
            m.Measure.Description, Blank(m.Measure.Investigation), isStop, checkBy, checkedAt, Blank(m.VerificationFinding),
            isStop && checkedAt is null && checkBy < today, m.AlertRaisedAt is not null);
    }

    private static AccountabilityTally Tally(Google.Protobuf.Collections.RepeatedField<AccountabilityRecord> records, bool names, JurisdictionTree tree)
    {
        if (records.Count == 0) return AccountabilityTally.Empty;
        var lines = records
            .GroupBy(r => (r.Person.Rank, r.Person.Sanction))
            .OrderBy(g => g.Key.Rank).ThenBy(g => g.Key.Sanction)
            .Select(g => new TallyLine(OversightWords.Rank(g.Key.Rank), OversightWords.Sanction(g.Key.Sanction),
                g.Count(r => !r.Person.FaultTolerated), g.Count(r => r.Person.FaultTolerated)))
            .ToList();
        var people = names
            ? records.Select(r => new PersonLine(r.Person.Name, r.Person.Position, OversightWords.Rank(r.Person.Rank), OversightWords.Sanction(r.Person.Sanction),
                r.Person.FaultTolerated, Blank(r.Person.FaultToleranceReason), Office(tree, r.RecordedByJurisdictionCode), Beijing(r.At)!.Value)).ToList()
            : null;
        return new AccountabilityTally(lines, lines.Sum(l => l.Held), lines.Sum(l => l.Exempted), people);
    }

    private static string Office(JurisdictionTree tree, string code) => Place(tree, code) + "263办公室";

    private static string Place(JurisdictionTree tree, string code) => tree.Find(code) is not null ? SignedInPerson.FullName(tree, code) : code;

    private static DateTimeOffset? Beijing(Google.Protobuf.WellKnownTypes.Timestamp? at) =>
        at is null ? null : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), BeijingTime.Zone);

    private static DateOnly? Date(string text) => WireDate.Parse(text);

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
