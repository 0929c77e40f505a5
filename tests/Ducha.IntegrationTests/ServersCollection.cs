using Ducha.Testing;

namespace Ducha.IntegrationTests;

/// <summary>One real RabbitMQ and one real PostgreSQL for the whole suite; its classes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<RabbitMqFixture>, ICollectionFixture<PostgresFixture>
{
    public const string Name = "real servers";
}
