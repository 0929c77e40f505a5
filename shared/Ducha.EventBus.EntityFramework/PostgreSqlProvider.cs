using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ducha.EventBus.EntityFramework;

public static class PostgreSqlProvider
{
    /// <summary>
    /// Whether the context runs on PostgreSQL, where replicas share one database and need its advisory locks; told by
    /// name, so this library needs no reference to the Npgsql provider, and a host on SQLite that asks never loads it.
    /// </summary>
    public static bool IsPostgreSql(this DatabaseFacade database) => database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
