namespace Ducha.InputFlood;

/// <summary>The probes of assessment schemes and measured values: contents with numbers no scheme holds, odd years, pages and ids.</summary>
internal static partial class Probes
{
    /// <summary>Decodable scheme and measurement requests with values no caller should send.</summary>
    private static (string, byte[]) SchemeOddValues(Random random, string method, int pick) => (method, pick) switch
    {
        ("CreateScheme", 0) => ("content of NaN weights, infinite targets and enums 2^31-1", [.. ProtoBytes.String(1, "320500"), .. ProtoBytes.Int(2, 2026),
            .. ProtoBytes.Int(3, 1), .. ProtoBytes.String(4, OddContent(random))]),
        ("CreateScheme", 1) => ("year 2^31-1, audience -1, from the example with content", [.. ProtoBytes.String(1, "320500"), .. ProtoBytes.Int(2, int.MaxValue),
            .. ProtoBytes.Int(3, -1), .. ProtoBytes.String(4, OddContent(random)), .. ProtoBytes.Int(5, 1)]),
        ("CreateScheme", 2) => ("50,000 programmes of empty codes", [.. ProtoBytes.String(1, "320500"), .. ProtoBytes.Int(2, 2026), .. ProtoBytes.Int(3, 1),
            .. ProtoBytes.String(4, [.. ProtoBytes.String(1, "t"), .. Enumerable.Range(0, 50_000).SelectMany(_ => ProtoBytes.String(3, [.. ProtoBytes.Double(5, 1)]))])]),
        ("ReviseScheme", _) => ("revision -1 or 2^31-1, content of NaN", [.. ProtoBytes.String(1, Pick(random, "x", new string('方', 5000), "01a2b3c4-0000-7000-8000-000000000009")),
            .. ProtoBytes.String(2, OddContent(random)), .. ProtoBytes.Int(3, Pick(random, -1, int.MaxValue, int.MinValue))]),
        ("CopyScheme", _) => ("year -2^31, audience 2^31-1", [.. ProtoBytes.String(1, Pick(random, "x", "%00", new string('9', 5000))),
            .. ProtoBytes.String(2, Pick(random, "320500", "999999", "3205")), .. ProtoBytes.Int(3, int.MinValue), .. ProtoBytes.Int(4, int.MaxValue)]),
        ("RecordMeasurement", _) => ("value NaN or infinite, year 2^31-1, period 7, a source of 100,000 characters", [.. ProtoBytes.String(1, "320505"),
            .. ProtoBytes.String(2, Pick(random, "pm25", "", new string('指', 5000))), .. ProtoBytes.Int(3, Pick(random, int.MaxValue, 1999, 2024)),
            .. ProtoBytes.Int(4, Pick(random, 7, -1, 2)), .. ProtoBytes.Double(5, Pick(random, double.NaN, double.PositiveInfinity, double.MaxValue, -0.0)),
            .. ProtoBytes.String(6, Pick(random, new string('源', 100_000), "", "监测站"))]),
        ("ListSchemes" or "ListMeasurements", _) => ("page size and token out of range", [.. ProtoBytes.String(1, Pick(random, "320500", "3205", "999999")),
            .. ProtoBytes.Int(2, Pick(random, -1, int.MaxValue, int.MinValue, 201)), .. ProtoBytes.Int(3, Pick(random, -1, int.MaxValue, 201)),
            .. ProtoBytes.String(3, Pick(random, "!!!", "%00", new string('f', 5000))), .. ProtoBytes.String(4, Pick(random, "!!!", "c2NoZW1lczF8OTk5OXx4"))]),
        _ => ("an id of 100,000 characters", ProtoBytes.String(1, new string('长', 100_000))),
    };

    /// <summary>A scheme content whose every number and enum is one no scheme holds.</summary>
    private static byte[] OddContent(Random random)
    {
        double Odd() => Pick(random, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1e308, double.Epsilon);
        byte[] indicator = [.. ProtoBytes.String(1, Pick(random, "pm25", "PM 2.5", "")), .. ProtoBytes.Int(3, int.MaxValue), .. ProtoBytes.Int(5, -1),
            .. ProtoBytes.Int(6, Pick(random, int.MinValue, 2100, 0)), .. ProtoBytes.Double(7, Odd()), .. ProtoBytes.Int(8, 9), .. ProtoBytes.Double(9, Odd()),
            .. ProtoBytes.Double(10, Odd())];
        byte[] programme = [.. ProtoBytes.String(1, "p"), .. ProtoBytes.Double(5, Odd()), .. ProtoBytes.String(6, indicator), .. ProtoBytes.String(6, indicator)];
        return [.. ProtoBytes.String(1, Pick(random, "", new string('题', 5000))), .. ProtoBytes.String(3, programme),
            .. ProtoBytes.String(4, [.. ProtoBytes.Int(1, int.MaxValue), .. ProtoBytes.Double(3, Odd()), .. ProtoBytes.Double(4, Odd()), .. ProtoBytes.Int(5, -7)]),
            .. ProtoBytes.Double(5, Odd()), .. ProtoBytes.String(6, [.. ProtoBytes.Int(1, 4), .. ProtoBytes.Double(2, Odd())]), .. ProtoBytes.Int(7, int.MinValue)];
    }

    /// <summary>REST requests of schemes and measured values that are wrong in type or range.</summary>
    private static (string What, string Method, string Path, string? Body, string? Type) SchemeRestProbe(Random random) => random.Next(5) switch
    {
        0 => ("a scheme with wrong types and unknown kinds", "POST", "/v1/assessment-schemes",
            $"{{\"jurisdictionCode\":\"320500\",\"year\":{Pick(random, "\"x\"", "2147483648", "2026")},\"audience\":\"AUDIENCE_EVERYONE\",\"content\":{{\"programmes\":[{{\"weight\":\"{Pick(random, "NaN", "Infinity", "-1")}\",\"indicators\":[{{\"kind\":\"INDICATOR_KIND_DOCUMENTS_FILED\",\"target\":1e309,\"baselineValue\":\"-Infinity\"}}]}}],\"bands\":{{}}}}}}",
            "application/json"),
        1 => ("a revision of an odd id from an odd revision", "PUT", $"/v1/assessment-schemes/{Pick(random, "%00", "..%2F..", new string('9', 5000), "x")}",
            $"{{\"revision\":{Pick(random, "2147483648", "-1", "\"1\"", "null")},\"content\":{Pick(random, "[]", "7", "{\"title\":\"t\"}")}}}", "application/json"),
        2 => ("a copy or putting in force of odd ids", "POST", $"/v1/assessment-schemes/{Pick(random, "%00", "x", new string('9', 5000))}:{Pick(random, "copy", "put-in-force")}",
            $"{{\"year\":{Pick(random, "-1", "2147483648", "\"x\"")},\"audience\":7,\"jurisdictionCode\":{Pick(random, "320500", "\"999999\"", "[]")}}}", "application/json"),
        3 => ("a measurement that is no number", "POST", "/v1/measurements",
            $"{{\"jurisdictionCode\":\"320505\",\"indicatorCode\":\"pm25\",\"year\":{Pick(random, "2024", "1e4", "-1")},\"period\":\"{Pick(random, "PERIOD_QUARTER", "PERIOD_YEAR_END")}\",\"value\":{Pick(random, "\"NaN\"", "\"Infinity\"", "1e309", "\"x\"")},\"source\":{Pick(random, "\"\"", "7", "\"监测站\"")}}}",
            "application/json"),
        _ => ("scheme and measurement lists by odd codes, years and pages", "GET",
            $"/v1/jurisdictions/{Pick(random, "%00", "3205", "999999", "320505")}/{Pick(random, "assessment-schemes", "measurements")}?pageSize={Pick(random, "-1", "2147483648", "1e3", "201")}&pageToken={Pick(random, "%FF", "x", "c2NoZW1lczF8MjAyNnx4", "")}&year={Pick(random, "-1", "99999", "2024")}",
            null, null),
    };
}
