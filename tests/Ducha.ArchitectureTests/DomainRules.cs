using NetArchTest.Rules;

namespace Ducha.ArchitectureTests;

/// <summary>Domain code is the rules in the inspection offices' own words: no transport, no storage, nothing of the hosts.</summary>
public sealed class DomainRules
{
    [Theory]
    [MemberData(nameof(Layers.ServiceNames), MemberType = typeof(Layers))]
    public void A_domain_references_neither_transport_nor_storage(string service)
    {
        var assembly = Layers.Services.Single(s => s.Name == service).Assembly;
        var domain = $"{service}.Domain";
        Types.InAssembly(assembly).That().ResideInNamespace(domain).NonEmpty(domain);

        Types.InAssembly(assembly).That().ResideInNamespace(domain)
            .ShouldNot().HaveDependencyOnAny(Layers.TransportAndStorage)
            .GetResult().Holds($"{domain} must not depend on {string.Join(", ", Layers.TransportAndStorage)}");
    }

    [Fact]
    public void The_shared_building_blocks_a_domain_uses_reference_nothing()
    {
        var references = typeof(Ducha.BuildingBlocks.Actor).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard",
            $"Ducha.BuildingBlocks references {name}"));
    }
}
