using Ducha.Cases.Application.Units;
using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application;

/// <summary>What the exposure service sends when a programme has aired a problem.</summary>
/// <param name="ExposureId">The exposed problem: one case per problem, however often the order is sent.</param>
/// <param name="FollowUpOwner">The office below the airing office, or the airing county's own unit, that owes the follow-up.</param>
/// <param name="FollowUpWorkingDays">How many working days after the airing the follow-up is due, as the exposure rules count it.</param>
/// <param name="FollowUpDeadline">The date the airing fixed for the follow-up.</param>
public sealed record ExposureCaseOrder(string ExposureId, CaseIntake Intake, DateTimeOffset AiredAt, CaseParty FollowUpOwner, int FollowUpWorkingDays,
    DateOnly FollowUpDeadline, string ClueSummary);

/// <summary>
/// An aired problem becomes a case without anyone typing it twice: received by the airing office (channel media
/// exposure, linked by the repeat rule like any complaint), assigned at once to the office that owes the follow-up with the
/// deadline the airing fixed, and its clue referred to the airing level's supervisory organ — every exposed problem starts
/// accountability. All three commit together, once per exposed problem.
/// </summary>
public sealed class OpenExposureCase(ReceiveComplaint intake, CaseJournal journal, CaseViews views, VisibleCases cases, AssignmentRules rules,
    UnitRegisters units, JurisdictionTree tree, ILogger<OpenExposureCase> logger)
{
    public const string Operation = "OpenExposureCase";
    /// <summary>The only caller: the exposure service, acting for the office whose column aired the problem.</summary>
    public const string ExposureService = "exposure";
    private const string KeyPrefix = "exposure:";

    /// <summary>The case's idempotency key: one case per exposed problem, however often the order is sent.</summary>
    public static string KeyFor(string exposureId) => KeyPrefix + exposureId;

    /// <summary>The exposed problem a case was opened for, read back from its key; null for any other case.</summary>
    public static string? ExposureIdOf(Case @case) =>
        @case.IdempotencyKey is { } key && key.StartsWith(KeyPrefix, StringComparison.Ordinal) ? key[KeyPrefix.Length..] : null;

    public async Task<CaseView> HandleAsync(ExposureCaseOrder order, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsServiceActingFor(ExposureService, Role.Office))
            throw new PermissionDeniedException($"{Operation}: only the {ExposureService} service, acting for the office that aired the problem, opens an exposure case.");
        CaseIntakeRules.Check(order.Intake, null, tree);
        cases.EnsureWithin(order.Intake.JurisdictionCode, actor, Operation);
        // A county names only the unit: it assigns within its own register.
        var owner = order.FollowUpOwner is { Unit: not null, JurisdictionCode: "" } ? order.FollowUpOwner with { JurisdictionCode = actor.JurisdictionCode }
            : order.FollowUpOwner;
        var register = owner.Unit is null ? null : await units.OfAsync(actor.JurisdictionCode, cancellationToken, "to_jurisdiction_code");
        var office = actor.AsHistoryActor();
        var (@case, created) = await intake.ReceiveAsync(order.Intake with { IdempotencyKey = KeyFor(order.ExposureId) }, null, office,
            received =>
            {
                var hop = received.AssignDown(actor.AsParty(), owner, order.FollowUpWorkingDays, rules, new AssignmentChain([], received.Round),
                    journal.Now, register, order.FollowUpDeadline);
                AssignDown.Record(journal, received, hop, CaseStatus.Received, actor,
                    $"follow-up of the problem aired on {BeijingTime.DateOf(order.AiredAt):yyyy-MM-dd}, due as the airing fixed");
                ReferClue.Refer(journal, received, 1, order.ClueSummary, actor);
            },
            cancellationToken);
        if (created)
            logger.LogInformation("Exposure {ExposureId} opened case {CaseId}, assigned to {Owner}, due {Deadline}", order.ExposureId, @case.Id,
                owner, order.FollowUpDeadline);
        return views.For(@case, actor);
    }
}
