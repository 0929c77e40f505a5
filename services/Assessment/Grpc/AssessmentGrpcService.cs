namespace Ducha.Assessment.Grpc;

/// <summary>The assessment API: thin adapters over the use cases in Application/.</summary>
public sealed partial class AssessmentGrpcService : Contracts.Assessment.V1.Assessment.AssessmentBase;
