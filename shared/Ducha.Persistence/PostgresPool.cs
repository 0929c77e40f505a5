using System.Data.Common;
using System.Globalization;

namespace Ducha.Persistence;

/// <summary>
/// How a process uses its PostgreSQL connections, unless the connection string says otherwise.
/// <para>
/// How many it may hold: Npgsql's own default is 100, which is also PostgreSQL's default <c>max_connections</c> for the
/// whole server, shared by every service and replica on it. A burst (a replica killed and its callers retrying on the
/// others, a restarted replica still warming up) grew two cases replicas to 96 connections between them in the fault
/// drill, and the restarted one was then refused ("53300: too many clients") until the others' idle connections aged
/// out. Past a few connections per core PostgreSQL gets no faster, so a request beyond the bound waits in the pool for a
/// connection instead of opening one more.
/// </para>
/// <para>
/// What a connection keeps between leases: EF sends the same few hundred statements again and again, and PostgreSQL
/// parsed and planned each one every time, then ran <c>DISCARD ALL</c> whenever EF handed a connection back to the pool
/// (at every query). Each connection now keeps its most used statements prepared (<c>Max Auto Prepare</c>, from a
/// statement's second use) and is not reset when it returns to the pool (<c>No Reset On Close</c>): no service sets
/// session state (its advisory locks are the transaction's, and the console's one session lock is released in a
/// <c>finally</c>). Cases alone on PostgreSQL with the drill's 8 callers: PostgreSQL's CPU per CreateCase 1.6 → 0.7–1.1 ms, per
/// GetCase 0.27 → 0.08–0.12 ms (README "Measured speed"). A column whose type changes under a running process (an upgrade's
/// migration) makes the server refuse that connection's prepared statement once ("cached plan must not change result
/// type"); Npgsql then prepares it again. A column added changes nothing: EF names the columns it reads.
/// </para>
/// </summary>
public static class PostgresPool
{
    /// <summary>The bound when the connection string sets none.</summary>
    public const int DefaultMaxPoolSize = 16;

    /// <summary>Statements each connection keeps prepared when the connection string sets no number.</summary>
    public const int DefaultMaxAutoPrepare = 128;

    private static readonly (string[] Keywords, string Name, string Value)[] Defaults =
    [
        (["maximumpoolsize", "maxpoolsize"], "Maximum Pool Size", DefaultMaxPoolSize.ToString(CultureInfo.InvariantCulture)),
        (["maxautoprepare"], "Max Auto Prepare", DefaultMaxAutoPrepare.ToString(CultureInfo.InvariantCulture)),
        (["autoprepareminusages"], "Auto Prepare Min Usages", "2"),
        (["noresetonclose"], "No Reset On Close", "true"),
    ];

    /// <summary><paramref name="connectionString"/> with each of these settings added unless it already sets it.</summary>
    public static string WithDefaults(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var set = builder.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var added = false;
        foreach (var (keywords, name, value) in Defaults)
        {
            if (keywords.Any(set.Contains)) continue;
            builder[name] = value;
            added = true;
        }
        return added ? builder.ConnectionString : connectionString;
    }
}
