using Ducha.Cases.Domain;

namespace Ducha.Cases.Application;

/// <summary>
/// 转, asked before acting: the working days the holding office may pass down now, from the same rules AssignDown applies,
/// so the console offers the lowest deadline allowed rather than a number the service then refuses.
/// </summary>
public sealed class GetAssignmentTerms(VisibleCases cases, AssignmentRules rules, TimeProvider time)
{
    public const string Operation = "GetAssignmentTerms";

    public async Task<AssignmentTerms> HandleAsync(string caseId, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var @case = await cases.FindAsync(caseId, actor, Operation, cancellationToken);
        return rules.Terms(@case, time.GetUtcNow());
    }
}
