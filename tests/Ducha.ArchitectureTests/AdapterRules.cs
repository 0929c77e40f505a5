using NetArchTest.Rules;

namespace Ducha.ArchitectureTests;

/// <summary>
/// gRPC (with REST over it) and Open311 are sibling adapters over the use cases in Application/: each validates and maps
/// its wire format and calls a use case. Neither reaches into the other, and the use cases know neither. Disclosure's
/// public site is such a sibling of its gRPC adapter.
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

    [Theory]
    [InlineData("Ducha.Disclosure.Grpc", "Ducha.Disclosure.PublicSite")]
    [InlineData("Ducha.Disclosure.PublicSite", "Ducha.Disclosure.Grpc")]
    public void The_public_site_and_the_grpc_adapter_of_disclosure_stay_apart(string adapter, string other)
    {
        var disclosure = Layers.Services.Single(s => s.Name == "Ducha.Disclosure").Assembly;
        Types.InAssembly(disclosure).That().ResideInNamespace(adapter).NonEmpty(adapter);

        Types.InAssembly(disclosure).That().ResideInNamespace(adapter)
            .ShouldNot().HaveDependencyOn(other)
            .GetResult().Holds($"{adapter} must not depend on {other}");
    }

    [Theory]
    [MemberData(nameof(Layers.ServiceNames), MemberType = typeof(Layers))]
    public void Use_cases_know_no_adapter_and_no_wire_contract(string service)
    {
        var assembly = Layers.Services.Single(s => s.Name == service).Assembly;
        var application = $"{service}.Application";
        Types.InAssembly(assembly).That().ResideInNamespace(application).NonEmpty(application);

        // Integration events are the service's published facts, which a use case records; the gRPC messages are not its business.
        string[] forbidden = [$"{service}.Grpc", $"{service}.Open311", $"{service}.PublicSite", $"Ducha.Contracts.{service["Ducha.".Length..]}.V1", "Grpc.Core", "Google.Protobuf",
            "Microsoft.AspNetCore.Http"];
        Types.InAssembly(assembly).That().ResideInNamespace(application)
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult().Holds($"{application} must not depend on an adapter or the gRPC contract");
    }
}
