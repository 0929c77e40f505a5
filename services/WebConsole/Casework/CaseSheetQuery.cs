using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Inbox;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Casework;

/// <summary>
/// Reads a case for the signed-in person with their own token: the case file (the case, with the reporter only where the
/// service includes it, and its supervisions, measures, accountability and clues), its history and the history's check,
/// and — when they may assign it — the units and the allowed deadline.
/// </summary>
public sealed class CaseSheetQuery(ConsoleCasesClient cases, ConsoleUnitsClient units, JurisdictionTree tree, WorkingCalendar calendar,
    TimeProvider time, HistoryWords words)
{
    /// <summary>The case's sheet; null when the service will not show it to this person (elsewhere, not reached, or no such case).</summary>
    public async Task<CaseSheet?> LoadAsync(string id, SignedInPerson person, CancellationToken cancellationToken)
    {
        // The file is the case (reporter included where the service includes it) with what 督 and 问责 added, in one call.
        if (await cases.GetCaseFileAsync(new GetCaseFileRequest { Id = id }, cancellationToken: cancellationToken).OrNullWhenHiddenAsync() is not { } file)
            return null;
        var c = file.Case;
        var history = cases.GetHistoryAsync(new GetHistoryRequest { Id = id }, cancellationToken: cancellationToken).ResponseAsync;
        var check = cases.VerifyHistoryAsync(new VerifyHistoryRequest { Id = id }, cancellationToken: cancellationToken).ResponseAsync;
        var records = CaseRecordsReader.From(file, person, tree, BeijingTime.DateOf(time.GetUtcNow()));
        var actions = CaseActions.For(c, person, tree, records.AwaitingCheck.Count > 0);
        var assign = actions.Assign ? AssignChoicesAsync(c, cancellationToken) : Task.FromResult<AssignChoices?>(null);
        var verification = await check;
        return new CaseSheet(c, Facts(c), [.. (await history).Transitions.Select(Entry)],
            new HistoryCheck(verification.Intact, verification.Transitions, verification.FirstBrokenSequence, verification.Reason), actions, await assign, records);
    }

    private async Task<AssignChoices?> AssignChoicesAsync(Case c, CancellationToken cancellationToken)
    {
        var terms = cases.GetAssignmentTermsAsync(new GetAssignmentTermsRequest { CaseId = c.Id }, cancellationToken: cancellationToken).ResponseAsync;
        var register = units.ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = c.HolderJurisdictionCode }, cancellationToken: cancellationToken).ResponseAsync;
        var office = CaseActions.NextOfficeDown(c, tree) is { } next ? new AssignTarget(next.Code, SignedInPerson.FullName(tree, next.Code)) : null;
        var t = await terms;
        return new AssignChoices(office, [.. (await register).Units.Where(u => u.Active).Select(u => u.Name)],
            t.HasMinimum ? Math.Max(1, t.MinWorkingDays) : null, t.HasMaximum ? t.MaxWorkingDays : null, Date(t.HolderDeadline), t.ReportingMargin,
            t.DeliveredAt is { } at ? TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), BeijingTime.Zone) : null);
    }

    private CaseFacts Facts(Case c)
    {
        var deadline = Date(c.Deadline);
        var place = tree.Find(c.JurisdictionCode) is not null ? SignedInPerson.FullName(tree, c.JurisdictionCode) : c.JurisdictionCode;
        return new CaseFacts(
            CaseWords.Subject(c),
            $"{place} {c.Address}".Trim(),
            Blank(c.Polluter),
            CaseFactWords.PollutionType(c.PollutionType),
            c.Description,
            CaseWords.Channel(c.Channel),
            Beijing(c.ReceivedAt)!.Value,
            CaseWords.Status(c.Status),
            Office(c.OriginJurisdictionCode),
            Blank(c.HolderUnit) ?? Office(c.HolderJurisdictionCode),
            deadline,
            c.Status == CaseStatus.Closed ? "已销号，不再计时" : DeadlineWords.Describe(deadline, deadline is { } due ? WorkingDaysLeft(due) : null, c.Overdue),
            c.DeadlineProvisional,
            c.Overdue,
            c.RepeatCount,
            Blank(c.LinkedCaseId),
            c.BuckPassingFlagged,
            Blank(c.ListedLeader),
            Blank(c.OwnerLeader),
            c.CentralInspection,
            Date(c.OriginalDeadline),
            Beijing(c.ClosedAt),
            c.CallbackResult == CallbackResult.Unspecified ? null : CaseFactWords.Callback(c.CallbackResult),
            c.Reporter is { } r && (r.Name.Length > 0 || r.Phone.Length > 0 || r.Address.Length > 0) ? r : null);
    }

    private TimelineEntry Entry(CaseTransition t) => new(
        t.Sequence,
        CaseFactWords.Action(t.Action),
        t.Actor,
        CaseFactWords.Role(t.ActorRole),
        t.ActorJurisdictionCode.Length > 0 && tree.Find(t.ActorJurisdictionCode) is { } place ? $"{CaseFactWords.Level(t.ActorLevel)} · {place.Name}" : CaseFactWords.Level(t.ActorLevel),
        Beijing(t.At)!.Value,
        words.Reason(t.Action, t.Reason),
        CaseFactWords.Status(t.FromStatus),
        CaseFactWords.Status(t.ToStatus));

    private string Office(string code) => (tree.Find(code) is not null ? SignedInPerson.FullName(tree, code) : code) + "263办公室";

    private int? WorkingDaysLeft(DateOnly deadline)
    {
        try { return calendar.CountWorkingDays(BeijingTime.DateOf(time.GetUtcNow()), deadline); }
        catch (CalendarRangeException) { return null; }
    }

    private static DateTimeOffset? Beijing(Google.Protobuf.WellKnownTypes.Timestamp? at) =>
        at is null ? null : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), BeijingTime.Zone);

    private static DateOnly? Date(string text) => WireDate.Parse(text);

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
