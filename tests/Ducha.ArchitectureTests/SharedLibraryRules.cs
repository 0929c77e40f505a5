using System.Reflection;
using NetArchTest.Rules;

namespace Ducha.ArchitectureTests;

/// <summary>The shared libraries stay thin: hosting references no transport, and a client of the contracts pulls in no store.</summary>
public sealed class SharedLibraryRules
{
    private static readonly Assembly ServiceDefaults = typeof(Microsoft.Extensions.Hosting.ServiceDefaultsExtensions).Assembly;

    [Fact]
    public void ServiceDefaults_references_no_transport()
    {
        // NetArchTest skips the Microsoft.* namespace the entry points live in; the assembly's references below cover them.
        Types.InAssembly(ServiceDefaults).That().ResideInNamespace("Ducha.ServiceDefaults").NonEmpty("Ducha.ServiceDefaults");

        Types.InAssembly(ServiceDefaults)
            .ShouldNot().HaveDependencyOnAny("Ducha.EventBus", "RabbitMQ", "Dapr", "Microsoft.EntityFrameworkCore", "Ducha.Identity", "Ducha.Rest", "Ducha.ErrorMapping")
            .GetResult().Holds("Ducha.ServiceDefaults must reference no transport and no other library of ours");
        AssertReferencesNone(ServiceDefaults, "Ducha.");
    }

    [Fact]
    public void The_contracts_and_the_event_bus_abstractions_pull_in_no_store_and_no_web_framework()
    {
        AssertReferencesNone(typeof(Ducha.Contracts.Cases.V1.Case).Assembly, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Ducha.EventBus.EntityFramework");
        AssertReferencesNone(typeof(Ducha.EventBus.IIntegrationEvent).Assembly, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore");
    }

    private static void AssertReferencesNone(Assembly assembly, params string[] prefixes)
    {
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        var forbidden = references.Where(r => prefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.True(forbidden.Count == 0, $"{assembly.GetName().Name} references {string.Join(", ", forbidden)}");
    }
}
