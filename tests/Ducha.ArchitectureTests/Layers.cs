using System.Reflection;
using NetArchTest.Rules;

namespace Ducha.ArchitectureTests;

/// <summary>The assemblies and namespaces the rules speak of, found from a type each holds.</summary>
internal static class Layers
{
    public static readonly Assembly Cases = typeof(Ducha.Cases.Domain.Case).Assembly;

    /// <summary>Every service assembly, by the namespace its code lives under.</summary>
    public static readonly (string Name, Assembly Assembly)[] Services =
    [
        ("Ducha.Cases", Cases),
        ("Ducha.Exposure", typeof(Ducha.Exposure.Domain.MediaOutlet).Assembly),
        ("Ducha.Assessment", typeof(Ducha.Assessment.Domain.Schemes.SchemeContent).Assembly),
        ("Ducha.Secondment", typeof(Ducha.Secondment.Domain.Cadre).Assembly),
        ("Ducha.Disclosure", typeof(Ducha.Disclosure.Domain.Bulletins.Bulletin).Assembly),
    ];

    /// <summary>The services' names, for rules checked service by service.</summary>
    public static TheoryData<string> ServiceNames => new(Services.Select(s => s.Name));

    /// <summary>What a domain must not know: transport (gRPC, HTTP, the bus, the wire contracts), storage, and the hosting libraries.</summary>
    public static readonly string[] TransportAndStorage =
    [
        "Grpc", "Google.Protobuf", "Google.Rpc", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite",
        "Ducha.Contracts", "Ducha.EventBus", "Ducha.Persistence", "Ducha.ServiceDefaults", "Ducha.Api", "Ducha.ErrorMapping", "Ducha.Rest",
        "Ducha.Identity", "RabbitMQ", "Dapr",
    ];

    /// <summary>The types a rule checks; a rule over no types would pass whatever the code did, so an empty set fails.</summary>
    public static IReadOnlyList<Type> NonEmpty(this PredicateList types, string what)
    {
        var found = types.GetTypes().ToList();
        Assert.True(found.Count > 0, $"The rule checks no types: {what} is empty, so it could never fail.");
        return found;
    }

    /// <summary>Fails naming every type that breaks the rule.</summary>
    public static void Holds(this TestResult result, string rule)
    {
        var failing = result.FailingTypeNames ?? [];
        Assert.True(result.IsSuccessful, $"{rule}; broken by: {string.Join(", ", failing)}");
    }
}
