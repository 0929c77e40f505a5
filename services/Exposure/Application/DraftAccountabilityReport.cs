using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>What the city's report on a period would say if submitted now, for its office to review before adding remarks.</summary>
public sealed class DraftAccountabilityReport(JurisdictionTree tree, CompileAccountability compile, TimeProvider time)
{
    public const string Operation = "DraftAccountabilityReport";

    public async Task<AccountabilityReport> HandleAsync(string cityCode, ReportingPeriod period, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var city = tree.RequireCity(cityCode);
        AccountabilityReport.EnsureCityOffice(city, actor, Operation);
        AccountabilityReport.EnsureEnded(period, time.GetUtcNow());
        return AccountabilityReport.Draft(city, period, await compile.HandleAsync(city, period, cancellationToken), actor, time.GetStoredUtcNow());
    }
}
