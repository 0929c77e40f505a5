using System.Data.Common;
using System.Globalization;

namespace Ducha.Persistence;

/// <summary>
/// How many PostgreSQL connections one process may hold. Npgsql's own default is 100, which is also PostgreSQL's
/// default <c>max_connections</c> for the whole server, shared by every service and replica on it. A burst (a replica
/// killed and its callers retrying on the others, a restarted replica still warming up) grew two cases replicas to 96
/// connections between them in the fault drill, and the restarted one was then refused ("53300: too many clients") until
/// the others' idle connections aged out. Past a few connections per core PostgreSQL gets no faster, so a request beyond
/// the bound waits in the pool for a connection instead of opening one more.
/// </summary>
public static class PostgresPool
{
    /// <summary>The bound when the connection string sets none.</summary>
    public const int DefaultMaxPoolSize = 16;

    private static readonly string[] MaxPoolSizeKeywords = ["maximumpoolsize", "maxpoolsize"];

    /// <summary><paramref name="connectionString"/> with <c>Maximum Pool Size</c> added unless it already sets one.</summary>
    public static string Bounded(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.Keys.Cast<string>().Any(k => MaxPoolSizeKeywords.Contains(k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())))
            return connectionString;
        builder["Maximum Pool Size"] = DefaultMaxPoolSize.ToString(CultureInfo.InvariantCulture);
        return builder.ConnectionString;
    }
}
