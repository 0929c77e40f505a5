using Ducha.Persistence;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ducha.Cases.Confidentiality;
using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application;

/// <summary>
/// 接 for every API (gRPC, REST, Open311): an office registers the complaint once per idempotency key, seals the reporter,
/// and links a repeated complaint (same polluter, same place) to the open or recently closed case it repeats — reopening
/// a closed one.
/// </summary>
public sealed class ReceiveComplaint(CaseJournal journal, VisibleCases cases, CaseViews views, ReporterProtector reporters, CaseRuleSettings settings,
    JurisdictionTree tree, ILogger<ReceiveComplaint> logger)
{
    public const string Operation = "CreateCase";
    // Each collision means another intake on the same case committed, so every attempt is someone's progress; eight covers
    // a burst of complaints about one polluter without letting a stuck store spin forever.
    private const int MaxAttempts = 8;

    // Compiled once: every complaint asks both, and EF would otherwise walk and hash each expression per call.
    private static readonly PerModel<Func<CasesDbContext, string, CancellationToken, Task<Case?>>> ByIdempotencyKey = new(() =>
        EF.CompileAsyncQuery((CasesDbContext db, string key, CancellationToken _) => db.Cases.AsNoTracking().FirstOrDefault(c => c.IdempotencyKey == key)));
    private static readonly PerModel<Func<CasesDbContext, string, string, DateTimeOffset, IAsyncEnumerable<Case>>> RepeatCandidates = new(() =>
        EF.CompileAsyncQuery((CasesDbContext db, string jurisdictionCode, string polluter, DateTimeOffset closedSince) => db.Cases
            .Where(c => c.JurisdictionCode == jurisdictionCode && c.Polluter == polluter && c.LinkedCaseId == null
                && (c.Status != CaseStatus.Closed || c.ClosedAt >= closedSince))));

    /// <summary>Files the complaint; <c>Created</c> is false when the idempotency key returned an earlier case.</summary>
    public async Task<(CaseView Case, bool Created)> HandleAsync(CaseIntake intake, ReporterIdentity? reporter, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        CaseIntakeRules.Check(intake, reporter, tree);
        cases.EnsureWithin(intake.JurisdictionCode, actor, Operation);
        var receiver = actor.AsHistoryActor();
        intake = intake with { IdempotencyKey = ScopedKey(receiver, intake.IdempotencyKey) };
        var (@case, created) = await ReceiveAsync(intake, reporter, receiver, alsoOnReceiving: null, cancellationToken);
        return (views.For(@case, actor), created);
    }

    /// <summary>
    /// Files <paramref name="intake"/> once per its (already scoped) idempotency key; <paramref name="alsoOnReceiving"/> adds to the
    /// same unit of work whatever must commit with the new case, so it happens exactly when the case comes to exist.
    /// </summary>
    internal async Task<(Case Case, bool Created)> ReceiveAsync(CaseIntake intake, ReporterIdentity? reporter, CaseActor receiver,
        Action<Case>? alsoOnReceiving, CancellationToken cancellationToken)
    {
        // Repeats of one case arriving together race to append to its chain; the complaint itself must not be lost, so
        // the loser starts again from what the winner stored.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReceiveOnceAsync(intake, reporter, receiver, alsoOnReceiving, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && ex.IsConflict())
            {
                logger.LogInformation("Intake collided with another change ({Reason}); attempt {Attempt} again", ex.InnerException?.Message ?? ex.Message, attempt + 1);
                journal.Reset();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    private async Task<(Case Case, bool Created)> ReceiveOnceAsync(CaseIntake intake, ReporterIdentity? reporter, CaseActor receiver,
        Action<Case>? alsoOnReceiving, CancellationToken cancellationToken)
    {
        var db = journal.Db;
        if (intake.IdempotencyKey is { Length: > 0 } key && await ByIdempotencyKey.For(db)(db, key, cancellationToken) is { } existing)
            return (existing, false);

        var earlier = await FindRepeatedAsync(intake, cancellationToken);
        if (earlier is not null) await journal.PreloadAsync(earlier, cancellationToken);

        var (entity, created) = await db.AddOnceAsync(intake.IdempotencyKey,
            k => c => c.IdempotencyKey == k,
            () => Case.Receive(intake, receiver.JurisdictionCode, journal.Now),
            c =>
            {
                if (reporter is not null) c.SealReporter(reporters.Seal(c.Id, reporter));
                if (earlier is not null) c.LinkTo(earlier.Id);
                journal.Record(c, "Receive", null, receiver,
                    $"channel {c.Channel}" + (earlier is null ? "" : $"; repeats case {earlier.Id}"));
                journal.Publish(new CaseReceived(c.Id, c.JurisdictionCode, c.Channel.ToString(), c.PollutionType.ToString(), c.CentralInspection,
                    c.ReceivedAt, earlier?.Id, c.OriginJurisdictionCode));
                if (earlier is not null) CountRepeat(earlier, c, receiver);
                alsoOnReceiving?.Invoke(c);
            },
            cancellationToken, keyLookedUp: true);
        if (created)
            logger.LogInformation("Case {CaseId} received for {JurisdictionCode} via {Channel}{Repeat}", entity.Id, entity.JurisdictionCode, entity.Channel,
                earlier is null ? "" : $", repeating case {earlier.Id}");
        return (entity, created);
    }

    /// <summary>
    /// An idempotency key is the caller's own numbering (a hotline's ticket numbers), which another caller may reuse: it
    /// counts only for the office and account that sent it, so one caller's retry never returns another's case.
    /// </summary>
    private static string? ScopedKey(CaseActor receiver, string? key) => string.IsNullOrWhiteSpace(key) ? null
        : "k1:" + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{receiver.JurisdictionCode}\n{receiver.Subject}\n{key}")));

    private void CountRepeat(Case earlier, Case repeat, CaseActor receiver)
    {
        var before = earlier.Status;
        earlier.CountRepeat(journal.Now);
        if (before == CaseStatus.Closed)
        {
            earlier.Reopen(journal.Now);
            journal.Record(earlier, "Reopen", before, receiver, $"repeated complaint {repeat.Id} (repeat {earlier.RepeatCount})");
            journal.Publish(new CaseReopened(earlier.Id, earlier.JurisdictionCode, repeat.Id, earlier.RepeatCount, earlier.Round, journal.Now));
        }
        else
        {
            journal.Record(earlier, "RepeatComplaint", before, receiver, $"repeated complaint {repeat.Id} (repeat {earlier.RepeatCount})");
        }
    }

    /// <summary>The case a complaint repeats: same place and polluter, still open or closed within the window; open ones first.</summary>
    private async Task<Case?> FindRepeatedAsync(CaseIntake intake, CancellationToken cancellationToken)
    {
        if (PolluterName.Normalize(intake.Polluter) is not { } polluter) return null;
        var closedSince = journal.Now.AddDays(-settings.RepeatWindowDays);
        var candidates = await RepeatCandidates.For(journal.Db)(journal.Db, intake.JurisdictionCode, polluter, closedSince).ToListAsync(cancellationToken);
        return candidates.OrderBy(c => c.Status == CaseStatus.Closed).ThenByDescending(c => c.ReceivedAt).FirstOrDefault();
    }
}
