namespace Ducha.Cases.Application;

/// <summary>One case, for anyone on its handling chain or above it.</summary>
public sealed class GetCase(VisibleCases cases, CaseViews views)
{
    public const string Operation = "GetCase";

    /// <summary>Every role that reads cases: all but the organization department, which has no business with them.</summary>
    public static readonly Role[] Readers = [Role.Office, Role.Handler, Role.Discipline, Role.Assessor, Role.LeadDepartment, Role.InspectionTeam, Role.Admin, Role.Service];

    public async Task<CaseView> HandleAsync(string caseId, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Readers);
        return views.For(await cases.FindAsync(caseId, actor, Operation, cancellationToken), actor);
    }
}
