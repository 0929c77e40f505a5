using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;

namespace Ducha.InputFlood;

/// <summary>How one request was answered: its code as the client sees it, and whether that is the server's failure.</summary>
internal sealed record Answer(string Code, bool Failure, string Detail);

/// <summary>One malformed request: which surface, what is wrong with it, and how to send it.</summary>
internal sealed record Probe(string Surface, string What, Func<Clients, CancellationToken, Task<Answer>> Send);

internal sealed class Clients(HttpClient http, CallInvoker grpc, string? token, string? serviceToken, string? caseId, string? programmeId,
    string? announcementId = null)
{
    public HttpClient Http => http;
    public CallInvoker Grpc => grpc;
    public string? Token => token;
    /// <summary>The exposure service acting for the office, the only caller cases lets open an exposure case.</summary>
    public string? ServiceToken => serviceToken ?? token;
    public string CaseId => caseId ?? "01a2b3c4-0000-7000-8000-000000000000";
    /// <summary>A programme of the office's own column, scheduled on Monday 2024-09-30, so airings meet a real one.</summary>
    public string ProgrammeId => programmeId ?? "01a2b3c4-0000-7000-8000-000000000001";
    /// <summary>An entry announcement of a county below the office, so corrections and the public pages meet a real one.</summary>
    public string AnnouncementId => announcementId ?? "01a2b3c4-0000-7000-8000-000000000002";
}

/// <summary>
/// The malformed requests, drawn at random (seeded, so a run can be repeated): gRPC messages that are no protobuf of
/// their type and odd but decodable fields; REST bodies that are no JSON, the wrong types, unknown fields, dates and
/// numbers out of range; Open311 forms with bad escapes, bad dates, multipart garbage and oversize bodies; the public
/// reference routes with codes and dates that are not; the public site with codes, ids, versions and validators that are not.
/// </summary>
internal static class Probes
{
    public const string Grpc = "gRPC", Rest = "REST", Open311 = "Open311", Reference = "reference", PublicSite = "public";

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    private static readonly (string Service, string Method)[] GrpcMethods =
    [
        ("ducha.cases.v1.Cases", "CreateCase"), ("ducha.cases.v1.Cases", "GetCase"), ("ducha.cases.v1.Cases", "ListCases"),
        ("ducha.cases.v1.Cases", "CountCases"), ("ducha.cases.v1.Cases", "AssignDown"), ("ducha.cases.v1.Cases", "ReportHandling"),
        ("ducha.cases.v1.Cases", "Supervise"), ("ducha.cases.v1.Cases", "CloseCase"), ("ducha.cases.v1.Cases", "GetCaseFile"),
        ("ducha.exposure.v1.Exposure", "CreateMediaOutlet"), ("ducha.exposure.v1.Exposure", "CreateColumn"),
        ("ducha.exposure.v1.Exposure", "ProposeExposure"), ("ducha.exposure.v1.Exposure", "ScheduleProgramme"),
        ("ducha.exposure.v1.Exposure", "GetColumnCompliance"), ("ducha.exposure.v1.Exposure", "RecordAiring"),
        ("ducha.cases.v1.Cases", "OpenExposureCase"), ("ducha.exposure.v1.Exposure", "SubmitAccountabilityReport"),
        ("ducha.exposure.v1.Exposure", "DraftAccountabilityReport"), ("ducha.exposure.v1.Exposure", "GetAccountabilityReport"),
        ("ducha.exposure.v1.Exposure", "DrawSpotCheck"), ("ducha.exposure.v1.Exposure", "GetSpotCheck"),
        ("ducha.exposure.v1.Exposure", "RecordSpotCheckFinding"), ("ducha.exposure.v1.Exposure", "GetAccountabilityNotice"),
        ("ducha.assessment.v1.Assessment", "CreatePlan"),
        ("ducha.secondment.v1.Secondment", "CreateCadre"), ("ducha.disclosure.v1.Disclosure", "GetReceivedCaseCounts"),
        ("ducha.disclosure.v1.Disclosure", "DraftBulletin"), ("ducha.disclosure.v1.Disclosure", "CorrectBulletin"),
        ("ducha.disclosure.v1.Disclosure", "SetBulletinCadence"), ("ducha.disclosure.v1.Disclosure", "MarkTypicalCase"), ("ducha.disclosure.v1.Disclosure", "PublishAnnouncement"),
        ("ducha.disclosure.v1.Disclosure", "GetAnnouncement"), ("ducha.disclosure.v1.Disclosure", "ListAnnouncements"),
        ("ducha.disclosure.v1.Disclosure", "CorrectAnnouncement"), ("ducha.reference.v1.Reference", "GetJurisdiction"),
        ("ducha.reference.v1.Reference", "AddWorkingDays"), ("ducha.reference.v1.Reference", "GetDay"), ("grpc.health.v1.Health", "Check"),
    ];

    public static Probe Next(Random random, long index) => (index % 5) switch
    {
        0 => GrpcProbe(random),
        1 => RestProbe(random),
        2 => Open311Probe(random),
        3 => ReferenceProbe(random),
        _ => PublicSiteProbe(random),
    };

    // ---- gRPC ----

    private static Probe GrpcProbe(Random random)
    {
        var (service, method) = GrpcMethods[random.Next(GrpcMethods.Length)];
        var (what, payload) = random.Next(4) switch
        {
            0 or 1 => ProtoBytes.Broken(random),
            2 => ("random fields", ProtoBytes.RandomFields(random)),
            _ => OddValues(random, method),
        };
        // Odd airings of the real programme: its id goes first, so a decodable message meets the programme, not "not found".
        var ofProgramme = method == "RecordAiring" && what.StartsWith(OfTheProgramme, StringComparison.Ordinal);
        var ofAnnouncement = method == "CorrectAnnouncement" && what.StartsWith(OfTheAnnouncement, StringComparison.Ordinal);
        return new Probe(Grpc, $"{service}/{method}: {what} ({Convert.ToHexString(payload.Take(16).ToArray())})", async (clients, ct) =>
        {
            var call = new Method<byte[], byte[]>(MethodType.Unary, service, method, Raw, Raw);
            var token = method == "OpenExposureCase" ? clients.ServiceToken : clients.Token;
            var headers = token is null ? null : new Metadata { { "Authorization", "Bearer " + token } };
            byte[] message = ofProgramme ? [.. ProtoBytes.String(1, clients.ProgrammeId), .. payload]
                : ofAnnouncement ? [.. ProtoBytes.String(1, clients.AnnouncementId), .. payload] : payload;
            try
            {
                await clients.Grpc.AsyncUnaryCall(call, null, new CallOptions(headers, cancellationToken: ct), message);
                return new Answer("OK", false, "");
            }
            catch (RpcException ex) when (!ct.IsCancellationRequested)
            {
                return new Answer(ex.StatusCode.ToString(), ex.StatusCode is StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss or StatusCode.Unavailable,
                    ex.Status.Detail);
            }
        });
    }

    /// <summary>Messages that decode, with values no caller should send: huge enums, out-of-range numbers and dates, NaN.</summary>
    private static (string, byte[]) OddValues(Random random, string method) => (method, random.Next(6)) switch
    {
        ("CreateCase", 0) => ("enum 2^31-1, coordinates NaN", [.. ProtoBytes.String(1, "320505"), .. ProtoBytes.String(2, "x"), .. ProtoBytes.Int(5, int.MaxValue),
            .. ProtoBytes.String(3, [.. ProtoBytes.Double(1, double.NaN), .. ProtoBytes.Double(2, double.PositiveInfinity)])]),
        ("CreateCase", 1) => ("original_deadline 9999-12-31", [.. ProtoBytes.String(1, "320505"), .. ProtoBytes.String(2, "苏州市"), .. ProtoBytes.Int(8, 1),
            .. ProtoBytes.String(11, "9999-12-31")]),
        ("ListCases", _) => ("dates and sizes out of range", [.. ProtoBytes.String(1, "320500"), .. ProtoBytes.Int(2, -1), .. ProtoBytes.String(5, "0001-01-01"),
            .. ProtoBytes.String(6, "9999-12-31"), .. ProtoBytes.Int(7, int.MaxValue), .. ProtoBytes.String(8, "!!!"), .. ProtoBytes.Int(10, -5)]),
        ("AddWorkingDays", _) => ("days -2^31", [.. ProtoBytes.String(1, "0001-01-01"), .. ProtoBytes.Int(2, int.MinValue)]),
        ("GetDay", _) => ("date 9999-12-31", ProtoBytes.String(1, "9999-12-31")),
        ("RecordAiring", 0) => (OfTheProgramme + ", aired_at with nanos out of range", ProtoBytes.Timestamp(2, 1_727_697_600, Pick(random, -1, 1_000_000_000, int.MaxValue))),
        ("RecordAiring", 1) => (OfTheProgramme + ", aired_at outside what a Timestamp holds",
            ProtoBytes.Timestamp(2, Pick(random, long.MaxValue, long.MinValue, 253_402_300_800, -62_135_596_801), 0)),
        ("RecordAiring", 2) => (OfTheProgramme + ", aired before its air date or in the future", ProtoBytes.Timestamp(2, Pick(random, 946_771_200L, 4_102_444_000L), 0)),
        ("RecordAiring", 3) => (OfTheProgramme + ", aired at 2024-09-30 20:00 (+08:00), again and again, from several callers at once",
            ProtoBytes.Timestamp(2, 1_727_697_600, 0)),
        ("RecordAiring", 4) => ("an id of 100,000 characters", [.. ProtoBytes.String(1, new string('长', 100_000)), .. ProtoBytes.Timestamp(2, 1_727_697_600, 0)]),
        ("OpenExposureCase", 0) => ("aired_at with nanos out of range", ExposureCase(ProtoBytes.Timestamp(8, 1_727_697_600, Pick(random, -1, 1_000_000_000, int.MinValue)))),
        ("OpenExposureCase", 1) => ("aired_at outside what a Timestamp holds", ExposureCase(ProtoBytes.Timestamp(8, Pick(random, long.MaxValue, long.MinValue, 253_402_300_800, -62_135_596_801), 0))),
        ("OpenExposureCase", 2) => ("aired in year 1 or 9999, due 0001-01-01 or 9999-12-31", ExposureCase(
            ProtoBytes.Timestamp(8, Pick(random, -62_135_596_800L, 253_402_300_799L), 0), deadline: Pick(random, "0001-01-01", "9999-12-31"))),
        ("OpenExposureCase", 3) => ("working days -2^31, pollution type 2^31-1", ExposureCase(ProtoBytes.Timestamp(8, 1_727_697_600, 0), workingDays: int.MinValue, pollutionType: int.MaxValue)),
        ("OpenExposureCase", 4) => ("an attachment of -1 bytes and a unit of 100,000 characters", ExposureCase(ProtoBytes.Timestamp(8, 1_727_697_600, 0),
            extra: [.. ProtoBytes.String(7, [.. ProtoBytes.String(1, "a"), .. ProtoBytes.Int(3, -1), .. ProtoBytes.String(4, "u")]), .. ProtoBytes.String(10, new string('长', 100_000))])),
        ("PublishAnnouncement", 0) => ("dates out of range, venue 2^31-1", Announcement(Pick(random, "0001-01-01", "9999-12-31", "2024-02-30"),
            Pick(random, "9999-12-31", "0000-00-00", "2024-10-07"), extra: ProtoBytes.Int(8, int.MaxValue))),
        ("PublishAnnouncement", 1) => ("phones, hours and boxes that are none", Announcement("2024-10-08", "2024-11-08",
            phone: Pick(random, "０５１２-68001234", "+86 512 68001234", "12369\n", "", new string('1', 5000)),
            hours: Pick(random, "24:00-25:00", "08:00-08:00", "-", "08:00–20:00", "8-20"),
            box: Pick(random, "苏州市人民路88号信箱", "信箱", "苏州市8栋信箱", new string('箱', 5000), "\u0000信箱"))),
        ("PublishAnnouncement", 2) => ("a stay of 8,000 years, a city as the county", Announcement("0001-01-01", "9999-12-31", county: Pick(random, "320500", "320000", "999999", "0"))),
        ("PublishAnnouncement", 3) => ("a team of 100,000 characters", Announcement("2024-10-08", "2024-11-08", team: new string('组', 100_000))),
        ("ListAnnouncements", _) => ("page size and token out of range", [.. ProtoBytes.String(1, Pick(random, "320500", "3205", "999999")),
            .. ProtoBytes.Int(2, Pick(random, -1, int.MaxValue, int.MinValue, 201)), .. ProtoBytes.String(3, Pick(random, "!!!", "%00", new string('f', 5000), "zzzzzzzz-zzzz"))]),
        ("CorrectAnnouncement", 0) => (OfTheAnnouncement + ", dates out of range", [.. ProtoBytes.String(2, "输入洪流更正"),
            .. ProtoBytes.String(4, Pick(random, "0001-01-01", "2024-02-30")), .. ProtoBytes.String(5, Pick(random, "9999-12-31", "2023-01-01", "x"))]),
        ("CorrectAnnouncement", 1) => (OfTheAnnouncement + ", without a reason, venues 0 and 2^31-1", [.. ProtoBytes.Int(9, 0), .. ProtoBytes.Int(9, int.MaxValue)]),
        ("CorrectAnnouncement", 2) => (OfTheAnnouncement + ", the same phone again, from several callers at once",
            [.. ProtoBytes.String(2, "输入洪流更正"), .. ProtoBytes.String(6, Pick(random, "0512-68001234", "0512-68005678"))]),
        ("CorrectAnnouncement", 3) => (OfTheAnnouncement + ", a reason of 100,000 characters", ProtoBytes.String(2, new string('因', 100_000))),
        _ => ("a string of 100,000 characters", ProtoBytes.String(1, new string('长', 100_000))),
    };

    private const string OfTheProgramme = "the real programme", OfTheAnnouncement = "the real announcement";

    /// <summary>An announcement that is valid but for what the probe makes odd.</summary>
    private static byte[] Announcement(string start, string end, string county = "320505", string team = "输入洪流督察组", string phone = "0512-68001234",
        string hours = "08:00-20:00", string box = "苏州市A001号邮政信箱", byte[]? extra = null) =>
    [
        .. ProtoBytes.String(1, county), .. ProtoBytes.String(2, team), .. ProtoBytes.String(3, start), .. ProtoBytes.String(4, end),
        .. ProtoBytes.String(5, phone), .. ProtoBytes.String(6, hours), .. ProtoBytes.String(7, box), .. extra ?? [],
    ];

    /// <summary>An exposure case order that is valid but for what the probe makes odd (later fields win over earlier ones).</summary>
    private static byte[] ExposureCase(byte[] airedAt, string deadline = "2024-10-12", int workingDays = 5, int pollutionType = 2, byte[]? extra = null) =>
    [
        .. ProtoBytes.String(1, "input-flood-exposure"), .. ProtoBytes.String(2, "320505"), .. ProtoBytes.String(3, "苏州市虎丘区某路"),
        .. ProtoBytes.String(4, "输入洪流化工厂"), .. ProtoBytes.Int(5, pollutionType), .. ProtoBytes.String(6, "输入洪流测试用曝光问题"), .. airedAt,
        .. ProtoBytes.String(9, "320500"), .. ProtoBytes.Int(11, workingDays), .. ProtoBytes.String(12, deadline), .. ProtoBytes.String(13, "输入洪流线索"),
        .. extra ?? [],
    ];

    // ---- REST ----

    private static Probe RestProbe(Random random)
    {
        var n = random.Next(34);
        var (what, method, path, body, type) = n switch
        {
            0 => ("truncated JSON", "POST", "/v1/cases", "{\"jurisdictionCode\":\"320505\",", "application/json"),
            1 => ("not JSON at all", "POST", "/v1/cases", ProtoBytes.RandomText(random), "application/json"),
            2 => ("wrong types", "POST", "/v1/cases", "{\"jurisdictionCode\":320505,\"coordinates\":\"here\",\"attachments\":{}}", "application/json"),
            3 => ("unknown enum name and field", "POST", "/v1/cases", "{\"pollutionType\":\"POLLUTION_TYPE_SMELL\",\"latidude\":1}", "application/json"),
            4 => ("int64 past 2^63", "POST", "/v1/cases", "{\"attachments\":[{\"name\":\"a\",\"uri\":\"u\",\"sizeBytes\":\"9223372036854775808\"}]}", "application/json"),
            5 => ("numbers out of range", "POST", "/v1/cases", "{\"coordinates\":{\"latitude\":1e309,\"longitude\":-1e400}}", "application/json"),
            6 => ("deeply nested arrays", "POST", "/v1/cases", new string('[', 5000) + new string(']', 5000), "application/json"),
            7 => ("dates out of range", "GET", $"/v1/cases?receivedFrom={Pick(random, "0001-01-01", "9999-12-31", "2024-02-30", "20240101", "%FF")}&receivedTo={Pick(random, "9999-12-31", "0000-00-00", "")}", null, null),
            8 => ("page size and counts out of range", "GET", $"/v1/cases?pageSize={Pick(random, "2147483648", "-1", "1e3", "NaN")}&minRepeatCount=99999999999&pageToken=%00", null, null),
            9 => ("unknown query parameter", "GET", "/v1/cases?jurisdictionCode=320500&latidude=1&status=CLOSED_MAYBE", null, null),
            10 => ("plan deadline out of range", "POST", $"/v1/cases/{{case}}:reportHandling", "{\"findings\":\"f\",\"result\":\"r\",\"plan\":{\"deadline\":\"9999-12-31\",\"phases\":[{\"description\":\"d\",\"deadline\":\"0001-01-01\"}]}}", "application/json"),
            11 => ("assign down with huge working days", "POST", $"/v1/cases/{{case}}:assignDown", "{\"toJurisdictionCode\":\"320505\",\"workingDays\":2147483647}", "application/json"),
            12 => ("text/plain body", "POST", "/v1/media-outlets", "name=x", "text/plain"),
            13 => ("invalid UTF-8 in JSON", "POST", "/v1/cadres", "{\"name\":\"\u00FF\u00FE\"}", "application/json; charset=latin1"),
            14 => ("odd ids in the path", "GET", $"/v1/cases/{Pick(random, "%00", "..%2F..", "%FF%FE", new string('9', 5000), "%E4%B8")}/file", null, null),
            15 => ("a programme on an impossible date", "POST", "/v1/programmes", $"{{\"columnId\":\"{Pick(random, "x", "%00", new string('9', 5000))}\",\"airDate\":\"{Pick(random, "0001-01-01", "9999-12-31", "2024-02-30", "2024-10-08T00:00")}\",\"exposureIds\":[1,{{}}]}}", "application/json"),
            16 => ("a column with air days out of range", "POST", "/v1/columns", "{\"mediaOutletId\":\"m\",\"name\":\"n\",\"airDays\":[0,8,2147483648],\"minimum\":-5,\"startDate\":\"9999-12-31\"}", "application/json"),
            17 => ("compliance over dates out of range", "GET", $"/v1/columns/{Pick(random, "%00", "x", "..%2F")}/compliance?from={Pick(random, "0001-01-01", "2024-13-01", "")}&to={Pick(random, "9999-12-31", "1e3")}", null, null),
            18 => ("a proposal with wrong types", "POST", "/v1/exposures", "{\"columnId\":7,\"reasons\":[\"SELECTION_REASON_BRIBE\"],\"material\":{\"sizeBytes\":\"-1\"}}", "application/json"),
            19 => ("a report on a month that is none", "POST", "/v1/accountability-reports", $"{{\"cityCode\":\"{Pick(random, "320500", "999999", "%00", "3205001")}\",\"period\":\"{Pick(random, "2024-13", "0000-01", "9999-12", "2024-1", "", "2024-09-01")}\",\"remarks\":{Pick(random, "7", "null", "[]")}}}", "application/json"),
            20 => ("report versions out of range", "GET", $"/v1/accountability-reports/{Pick(random, "320500", "x", "%00")}/{Pick(random, "2023-00", "1899-12", "..%2F")}{Pick(random, "", "/draft")}?version={Pick(random, "-1", "2147483648", "1e3", "x")}", null, null),
            21 => ("a spot check with a count out of range", "POST", "/v1/spot-checks", $"{{\"cityCode\":\"320500\",\"period\":\"2023-01\",\"count\":{Pick(random, "-1", "0", "2147483648", "1e9", "\"x\"", "501")}}}", "application/json"),
            22 => ("a finding on odd ids", "POST", $"/v1/spot-checks/{Pick(random, "%00", "x", new string('9', 5000))}/findings", "{\"exposureId\":7,\"rectificationHeld\":\"yes\",\"finding\":[]}", "application/json"),
            23 => ("a notice on a month that is none", "GET", $"/v1/accountability-notices/{Pick(random, "9999-99", "%FF", "2023-1", "0001-01", "..%2F")}", null, null),
            24 => ("an airing at an instant that is not one", "POST", "/v1/programmes/{programme}:air", $"{{\"airedAt\":{Pick(random, "\"10000-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999999999Z\"", "\"2024-02-30T20:00:00Z\"", "\"2024-09-30T20:00:00.1234567891Z\"", "\"2024-09-30 20:00\"", "1727697600", "{\"seconds\":-1,\"nanos\":-1}", "null")}}}", "application/json"),
            25 => ("an airing of an odd programme id", "POST", $"/v1/programmes/{Pick(random, "%00", "..%2F..", "x:air", new string('9', 5000), "%E4%B8")}:air", "{\"airedAt\":\"2024-09-30T12:00:00Z\"}", "application/json"),
            26 => ("an airing before its air date, in the future, or again", "POST", "/v1/programmes/{programme}:air", $"{{\"airedAt\":\"{Pick(random, "2000-01-03T00:00:00Z", "2099-12-31T00:00:00Z", "2024-09-30T12:00:00Z", "2024-09-30T12:00:00+08:00")}\",\"id\":\"other\"}}", "application/json"),
            27 => ("an exposure case with wrong types", "POST", "/v1/exposure-cases", $"{{\"exposureId\":7,\"airedAt\":\"{Pick(random, "yesterday", "10000-01-01T00:00:00Z", "2024-13-01T00:00:00Z")}\",\"followUpWorkingDays\":\"five\",\"attachments\":{{}}}}", "application/json"),
            28 => ("an exposure case out of range", "POST", "/v1/exposure-cases", $"{{\"exposureId\":\"input-flood-exposure\",\"jurisdictionCode\":\"320505\",\"address\":\"a\",\"polluter\":\"p\",\"pollutionType\":\"POLLUTION_TYPE_WATER\",\"description\":\"d\",\"airedAt\":\"{Pick(random, "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-09-30T12:00:00Z")}\",\"toJurisdictionCode\":\"{Pick(random, "320500", "320000", "999999", "")}\",\"followUpWorkingDays\":{Pick(random, "2147483647", "-1", "0", "5")},\"followUpDeadline\":\"{Pick(random, "0001-01-01", "9999-12-31", "2024-02-30", "2024-10-12")}\",\"clueSummary\":\"c\",\"attachments\":[{{\"name\":\"a\",\"uri\":\"u\",\"sizeBytes\":\"-1\"}}]}}", "application/json"),
            29 => ("an announcement with wrong types and names", "POST", "/v1/announcements", $"{{\"jurisdictionCode\":320505,\"team\":[],\"startDate\":{Pick(random, "20241008", "null", "{}")},\"venues\":[\"ANNOUNCEMENT_VENUE_BILLBOARD\",7],\"adress\":\"x\"}}", "application/json"),
            30 => ("an announcement out of range", "POST", "/v1/announcements", $"{{\"jurisdictionCode\":\"{Pick(random, "320505", "320500", "999999", "")}\",\"team\":\"组\",\"startDate\":\"{Pick(random, "0001-01-01", "2024-10-08", "2024-02-30")}\",\"endDate\":\"{Pick(random, "9999-12-31", "2024-10-07", "2025-12-31")}\",\"reportPhone\":\"{Pick(random, "12369", "0512-1", "1e9", "")}\",\"phoneHours\":\"{Pick(random, "08:00-20:00", "20:00-08:00", "25:00-26:00", "")}\",\"postalBox\":\"{Pick(random, "苏州市A001号邮政信箱", "苏州市人民路88号信箱", "信箱", "")}\"}}", "application/json"),
            31 => ("a correction of the real announcement, odd", "POST", "/v1/announcements/{announcement}:correct", $"{{\"reason\":{Pick(random, "\"\"", "7", "\"更正\"", "null")},\"endDate\":\"{Pick(random, "0001-01-01", "2024-10-01", "9999-12-31", "")}\",\"venues\":[{Pick(random, "0", "\"ANNOUNCEMENT_VENUE_TV\"", "2147483648")}]}}", "application/json"),
            32 => ("announcements by odd ids, codes and pages", "GET", Pick(random,
                $"/v1/announcements/{Pick(random, "%00", "..%2F..", new string('9', 5000), "%E4%B8", "x:correct")}",
                $"/v1/announcements?jurisdictionCode={Pick(random, "%00", "3205", "999999", "320500")}&pageSize={Pick(random, "-1", "2147483648", "1e3", "201")}&pageToken={Pick(random, "%FF", "x", "")}"), null, null),
            _ => ("a description of 100,000 characters", "POST", "/v1/cases", $"{{\"jurisdictionCode\":\"320505\",\"address\":\"a\",\"description\":\"{new string('长', 100_000)}\",\"pollutionType\":\"POLLUTION_TYPE_AIR\",\"channel\":\"CHANNEL_LETTER\"}}", "application/json"),
        };
        return HttpProbe(Rest, what, method, path, body is null ? null : type == "application/json; charset=latin1" ? Encoding.Latin1.GetBytes(body) : Encoding.UTF8.GetBytes(body), type, withToken: true,
            asService: path == "/v1/exposure-cases");
    }

    // ---- Open311 ----

    private static Probe Open311Probe(Random random)
    {
        const string Valid = "service_code=air&attribute%5Bjurisdiction_code%5D=320505&address_string=%E8%8B%8F%E5%B7%9E&description=x";
        var n = random.Next(14);
        var (what, method, path, body, type) = n switch
        {
            0 => ("undecodable escapes", "POST", "/open311/v2/requests.json", Valid + "&description=%FF%FE", "application/x-www-form-urlencoded"),
            1 => ("a % without hex digits", "POST", "/open311/v2/requests.xml", Valid.Replace("address_string=", "address_string=50%"), "application/x-www-form-urlencoded"),
            2 => ("multipart with a boundary never found", "POST", "/open311/v2/requests.json", "service_code=air", "multipart/form-data; boundary=zz"),
            3 => ("multipart without a boundary", "POST", "/open311/v2/requests.json", "--zz\r\n", "multipart/form-data"),
            4 => ("multipart cut short", "POST", "/open311/v2/requests.json", "--zz\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nair", "multipart/form-data; boundary=zz"),
            5 => ("coordinates that are not numbers", "POST", "/open311/v2/requests.json", Valid + $"&lat={Pick(random, "NaN", "Infinity", "1e999", "north", "", "0")}&long={Pick(random, "", "120", "-0", "0x10")}", "application/x-www-form-urlencoded"),
            6 => ("fields repeated and unknown", "POST", "/open311/v2/requests.json", Valid + "&service_code=water&attribute%5Bsmell%5D=1&address_id=7", "application/x-www-form-urlencoded"),
            7 => ("start and end dates out of range", "GET", $"/open311/v2/requests.json?start_date={Pick(random, "0001-01-01", "9999-12-31", "2024-13-45", "yesterday", "9999-12-31T23:59:59%2B08:00")}&end_date={Pick(random, "0001-01-01", "", "9999-12-31T23:59:59Z")}", null, null),
            8 => ("a service_request_id list of 2,000", "GET", "/open311/v2/requests.json?service_request_id=" + string.Join(",", Enumerable.Repeat("x", 2000)), null, null),
            9 => ("a format that is not served", "GET", $"/open311/v2/requests.{Pick(random, "yaml", "json%00", "", "XML")}", null, null),
            10 => ("odd request ids", "GET", $"/open311/v2/requests/{Pick(random, "%00", "%FF", new string('x', 3000), "..")}.json", null, null),
            11 => ("not a form", "POST", "/open311/v2/requests.json", "{\"service_code\":\"air\"}", "application/json"),
            12 => ("a form of two megabytes", "POST", "/open311/v2/requests.json", Valid + "&media_url=" + new string('a', 2 * 1024 * 1024), "application/x-www-form-urlencoded"),
            _ => ("raw bytes that are not UTF-8", "POST", "/open311/v2/requests.json", null, "application/x-www-form-urlencoded"),
        };
        var bytes = n == 13 ? [.. Encoding.ASCII.GetBytes(Valid + "&description="), 0xFF, 0xFE, 0xC0] : body is null ? null : Encoding.UTF8.GetBytes(body);
        return HttpProbe(Open311, what, method, path, bytes, type, withToken: true);
    }

    // ---- reference ----

    private static Probe ReferenceProbe(Random random)
    {
        var path = random.Next(6) switch
        {
            0 => $"/api/jurisdictions/{Pick(random, "", "abc", "%00", "9999999", "1234567890", "%E8%8B%8F%E5%B7%9E", "000000", "-32050", new string('3', 4000))}",
            1 => $"/api/jurisdictions/{Pick(random, "999999", "32050%00", "%FF", "..%2F..")}/children",
            2 => $"/api/calendar/days/{Pick(random, "0001-01-01", "9999-12-31", "2024-02-30", "%FF", "2024-1-1", "+002024-01-01", new string('1', 3000))}",
            3 => $"/api/calendar/working-days/add?from={Pick(random, "0001-01-01", "9999-12-31", "2026-12-30", "")}&days={Pick(random, "-1", "2147483648", "1e9", "3660", "0x10", "")}",
            4 => $"/api/calendar/working-days/add?days={random.Next()}",
            _ => $"/api/calendar/{Pick(random, "days", "working-days")}/{ProtoBytes.RandomText(random).Length}",
        };
        return HttpProbe(Reference, "odd codes, dates and numbers", "GET", path, null, null, withToken: false);
    }

    // ---- the public site ----

    private static Probe PublicSiteProbe(Random random)
    {
        var (what, path) = random.Next(6) switch
        {
            0 => ("odd jurisdiction codes", $"/public/{Pick(random, "", "abc", "%00", "999999", "1234567890", "%E8%8B%8F%E5%B7%9E", "000000", "320505%00", new string('3', 4000), "..%2F..")}"),
            1 => ("feeds and JSON of odd codes", $"/public/{Pick(random, "999999", "32050%00", "%FF", "320505", "320500", "x")}/{Pick(random, "feed.atom", "announcements.json", "feed.atom%00", "bulletins", "..")}"),
            2 => ("announcements by odd ids", $"/public/announcements/{Pick(random, "%00", "x", new string('9', 5000), "01a2b3c4-0000-7000-8000-00000000000g", "{announcement}", "%E4%B8", "{announcement}.json")}"),
            3 => ("versions that are none", $"/public/announcements/{{announcement}}?version={Pick(random, "0", "-1", "2147483648", "1e3", "x", "%00", "1&version=2", "")}"),
            4 => ("paths below the site that are none", $"/public/{Pick(random, "a/b/c", "320505/feed.atom/x", "%2e%2e/%2e%2e/etc/passwd", "announcements", "announcements/")}"),
            _ => ("the pages with odd validators", Pick(random, "/public/320505", "/public/320000", "/public/announcements/{announcement}", "/public/320505/feed.atom")),
        };
        var method = random.Next(5) == 0 ? "HEAD" : "GET";
        var validator = random.Next(3) == 0 ? Pick(random, "*", "W/\"x\"", "\"unterminated", new string('"', 3000), "\"a\", W/\"b\", ,,") : null;
        return HttpProbe(PublicSite, what, method, path, null, null, withToken: false, ifNoneMatch: validator);
    }

    private static Probe HttpProbe(string surface, string what, string method, string path, byte[]? body, string? type, bool withToken, bool asService = false,
        string? ifNoneMatch = null) =>
        new(surface, $"{method} {Shorten(path)}: {what}", async (clients, ct) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{case}", clients.CaseId).Replace("{programme}", clients.ProgrammeId)
                .Replace("{announcement}", clients.AnnouncementId));
            if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            var token = asService ? clients.ServiceToken : clients.Token;
            if (withToken && token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                if (type is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
            try
            {
                using var response = await clients.Http.SendAsync(request, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                return new Answer(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), (int)response.StatusCode >= 500,
                    text.Length > 300 ? text[..300] : text);
            }
            catch (HttpRequestException ex) when (!ct.IsCancellationRequested)
            {
                return new Answer("transport error", true, ex.Message);
            }
        });

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static string Shorten(string path) => path.Length > 90 ? path[..90] + "…" : path;

    /// <summary>This machine, by one of the three names that cannot mean another: a flood is never aimed at a real server.</summary>
    public static bool IsLoopback(Uri url) => url.Scheme is "http" or "https" && url.Host is "localhost" or "127.0.0.1" or "[::1]";

    /// <summary>The answer of a health probe, for the end of the run.</summary>
    public static async Task<(bool Ok, string Answer)> HealthAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync("/health", ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return (response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        }
        catch (HttpRequestException ex)
        {
            return (false, ex.Message);
        }
    }
}
