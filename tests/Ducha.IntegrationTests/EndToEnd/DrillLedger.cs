using System.Text.Json;
using Ducha.Testing;
using Npgsql;

namespace Ducha.IntegrationTests.EndToEnd;

/// <summary>What the stores and the broker hold, read straight from them rather than through the services under test.</summary>
internal sealed class DrillLedger(string casesDb, string disclosureDb, RabbitMqServer broker)
{
    public const string Topic = "cases.case-received";
    public const string Queue = "disclosure-" + Topic;

    /// <summary>Events not yet confirmed by the broker, in both services' outboxes.</summary>
    public async Task<long> UnsentAsync() =>
        await ScalarAsync(casesDb, "SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL")
        + await ScalarAsync(disclosureDb, "SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL");

    /// <summary>The newest event cases has not had confirmed by the broker (0 when none waits).</summary>
    public Task<long> LastUnsentAsync() =>
        ScalarAsync(casesDb, "SELECT coalesce(max(\"Sequence\"), 0) FROM outbox_messages WHERE \"SentAt\" IS NULL");

    /// <summary>How many of cases' events up to <paramref name="sequence"/> still wait for the broker.</summary>
    public Task<long> UnsentUpToAsync(long sequence) =>
        ScalarAsync(casesDb, $"SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL AND \"Sequence\" <= {sequence}");

    /// <summary>Messages ready or delivered-but-unacknowledged, per queue (dead-letter queues included).</summary>
    public async Task<Dictionary<string, long>> QueuesAsync()
    {
        var output = await broker.RabbitmqctlAsync("list_queues", "name", "messages", "--quiet", "--no-table-headers");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Quiet: nothing waits in an outbox and nothing waits in (or is being worked on from) the live queue.</summary>
    public async Task<bool> IsQuietAsync()
    {
        if (await UnsentAsync() > 0) return false;
        var queues = await QueuesAsync();
        return queues.GetValueOrDefault(Queue) == 0;
    }

    /// <summary>Every stored case: id → idempotency key as stored (scoped to the caller, so not the client's own text).</summary>
    public async Task<Dictionary<string, string?>> CasesAsync()
    {
        var cases = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(casesDb);
        await using var command = new NpgsqlCommand("SELECT \"Id\", \"IdempotencyKey\" FROM cases", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) cases.Add(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        return cases;
    }

    /// <summary>The <c>cases.case-received</c> events cases committed: event id → the case it announces.</summary>
    public async Task<List<(string EventId, string CaseId)>> PublishedAsync()
    {
        var events = new List<(string, string)>();
        await using var connection = await OpenAsync(casesDb);
        await using var command = new NpgsqlCommand("SELECT \"EventId\", \"Payload\" FROM outbox_messages WHERE \"Topic\" = @topic", connection);
        command.Parameters.AddWithValue("topic", Topic);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var payload = JsonDocument.Parse(reader.GetString(1));
            events.Add((reader.GetString(0), payload.RootElement.GetProperty("data").GetProperty("caseId").GetString()!));
        }
        return events;
    }

    /// <summary>The events disclosure's inbox recorded as applied by its subscription.</summary>
    public async Task<List<string>> AppliedAsync()
    {
        var applied = new List<string>();
        await using var connection = await OpenAsync(disclosureDb);
        await using var command = new NpgsqlCommand("SELECT \"EventId\" FROM inbox_messages WHERE \"Consumer\" = @consumer", connection);
        command.Parameters.AddWithValue("consumer", Queue);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) applied.Add(reader.GetString(0));
        return applied;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
