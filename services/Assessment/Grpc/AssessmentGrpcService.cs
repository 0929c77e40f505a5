using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Assessment.Grpc;

/// <summary>The assessment API: thin adapters over the use cases in Application/, one partial file per part of the contract.</summary>
public sealed partial class AssessmentGrpcService(JurisdictionGuard guard, IServiceProvider services) : Contracts.Assessment.V1.Assessment.AssessmentBase
{
    // Each call resolves only the use case it runs.
    private T Use<T>() where T : notnull => services.GetRequiredService<T>();
}
