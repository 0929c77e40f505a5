using NetArchTest.Rules;

namespace Ducha.ArchitectureTests;

/// <summary>
/// gRPC (with REST over it) and Open311 are sibling adapters over the use cases in Application/: each validates and maps
/// its wire format and calls a use case. Neither reaches into the other, and the use cases know neither.
/// </summary>
public sealed class AdapterRules
{
    private const string Grpc = "Ducha.Cases.Grpc", Open311 = "Ducha.Cases.Open311", Application = "Ducha.Cases.Application";

    [Theory]
    [InlineData(Grpc, Open311)]
    [InlineData(Open311, Grpc)]
    public void One_adapter_does_not_reference_another(string adapter, string other)
    {
        Types.InAssembly(Layers.Cases).That().ResideInNamespace(adapter).NonEmpty(adapter);

        Types.InAssembly(Layers.Cases).That().ResideInNamespace(adapter)
            .ShouldNot().HaveDependencyOn(other)
            .GetResult().Holds($"{adapter} must not depend on {other}");
    }

    [Fact]
    public void Use_cases_know_no_adapter_and_no_wire_contract()
    {
        Types.InAssembly(Layers.Cases).That().ResideInNamespace(Application).NonEmpty(Application);

        // Integration events are the service's published facts, which a use case records; the gRPC messages are not its business.
        Types.InAssembly(Layers.Cases).That().ResideInNamespace(Application)
            .ShouldNot().HaveDependencyOnAny(Grpc, Open311, "Ducha.Contracts.Cases.V1", "Grpc.Core", "Google.Protobuf", "Microsoft.AspNetCore.Http")
            .GetResult().Holds($"{Application} must not depend on an adapter or the gRPC contract");
    }
}
