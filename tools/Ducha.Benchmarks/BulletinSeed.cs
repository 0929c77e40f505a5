using Ducha.Reference.Jurisdictions;
using Npgsql;

namespace Ducha.Benchmarks;

/// <summary>
/// A province's year of cases written straight into disclosure's read model on PostgreSQL — as if a year of events had
/// been applied — spread evenly over its counties and over the year before <c>until</c>: 70 % closed, the rest in hand,
/// one in fifty of those overdue; every case with its fetched facts; two people held accountable on every hundredth.
/// </summary>
internal static class BulletinSeed
{
    public static async Task SeedAsync(string connectionString, JurisdictionTree tree, string province, int count, DateTimeOffset until)
    {
        var places = tree.Children(province).SelectMany(city => tree.Children(city.Code)
            .Where(c => c.Level == JurisdictionLevel.County && c.Name != "市辖区").Select(county => (County: county.Code, City: city.Code))).ToList();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            INSERT INTO disclosed_cases ("CaseId","JurisdictionCode","ProvinceCode","CityCode","CountyCode","PollutionType","Channel","CentralInspection",
              "ReceivedAt","ReceivedByJurisdictionCode","ProvinceArrivedAt","CityArrivedAt","CountyArrivedAt","Stage","StageAt","Round","Overdue","WasOverdue",
              "ClosedAt","FactsWanted","FactsFetched","FactsPending","FactsAttempts","FactsDueAt")
            SELECT 'seed-' || lpad(i::text, 9, '0'), p.county, @province, p.city, p.county, (ARRAY['Air','Water','Noise','Soil','SolidWaste','Ecology'])[1 + i % 6],
              'Phone', false, t, @province, t, t + interval '1 hour', t + interval '2 hours',
              CASE WHEN i % 10 < 7 THEN 'Closed' WHEN i % 10 < 9 THEN 'Assigned' ELSE 'Reported' END, t, 1, i % 50 = 7, i % 50 = 7,
              CASE WHEN i % 10 < 7 THEN t + interval '5 days' END, 1, 1, false, 0, t
            FROM generate_series(1, @count) AS i
            CROSS JOIN LATERAL (SELECT @until - interval '365 days' + (i::float8 / @count) * interval '365 days' - interval '2 hours' AS t) AS at
            JOIN unnest(@counties, @cities) WITH ORDINALITY AS p(county, city, n) ON p.n = 1 + i % @places
            """, c =>
        {
            c.Parameters.AddWithValue("province", province);
            c.Parameters.AddWithValue("count", count);
            c.Parameters.AddWithValue("until", until.ToUniversalTime());
            c.Parameters.AddWithValue("counties", places.Select(p => p.County).ToArray());
            c.Parameters.AddWithValue("cities", places.Select(p => p.City).ToArray());
            c.Parameters.AddWithValue("places", places.Count);
        });
        await ExecuteAsync(connection, """
            INSERT INTO disclosed_case_facts ("CaseId","Version","FetchedAt","Found","OriginJurisdictionCode","Address","Polluter","Description","Findings",
              "Result","Rectification")
            SELECT "CaseId", 1, "ReceivedAt", true, "ProvinceCode", '某镇某工业园' || right("CaseId", 3) || '号', '某化工有限公司' || right("CaseId", 4),
              '企业夜间通过暗管向河道排放生产废水', '经现场核查，该企业雨水排口夜间排放生产废水属实。',
              CASE WHEN "Stage" = 'Closed' THEN '责令立即封堵暗管，处罚款二十万元。' END,
              CASE WHEN "Stage" = 'Closed' THEN 'Completed' ELSE 'InHandling' END
            FROM disclosed_cases
            """);
        await ExecuteAsync(connection, """
            INSERT INTO disclosed_accountability ("CaseId","Rank","Sanction","Held","Exempted")
            SELECT "CaseId", r.rank, r.sanction, 1, 0 FROM disclosed_cases
            CROSS JOIN (VALUES ('Division', 'Criticism'), ('Section', 'Admonition')) AS r(rank, sanction)
            WHERE right("CaseId", 2) = '00'
            """);
        // What an operator runs after a bulk load; without it the first queries read the whole table to learn its shape.
        await ExecuteAsync(connection, "VACUUM ANALYZE");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, Action<NpgsqlCommand>? parameters = null)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
        parameters?.Invoke(command);
        await command.ExecuteNonQueryAsync();
    }
}
