using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>The office or organization department of a level enters an enterprise or place within it in the register of targets.</summary>
public sealed class AddTarget(JurisdictionRecords<SecondmentDbContext> records, TimeProvider time)
{
    public const string Operation = "AddTarget";

    public Task<InspectionTarget> HandleAsync(string jurisdictionCode, string name, string pollutionType, RiskClass risk, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.RequireKeeper(Operation);
        var target = InspectionTarget.Register(jurisdictionCode, name, pollutionType, risk, idempotencyKey, time.GetStoredUtcNow());
        return records.FileAsync(target, actor, Operation, cancellationToken);
    }
}
