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
internal static partial class Probes
{
    public const string Grpc = "gRPC", Rest = "REST", Open311 = "Open311", Reference = "reference", PublicSite = "public";

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    private static readonly (string Service, string Method)[] GrpcMethods =
    [
        ("ducha.cases.v1.Cases", "CreateCase"), ("ducha.cases.v1.Cases", "GetCase"), ("ducha.cases.v1.Cases", "ListCases"),
        ("ducha.cases.v1.Cases", "ListHeldCases"), ("ducha.cases.v1.Cases", "GetAssignmentTerms"),
        ("ducha.cases.v1.Cases", "CountCases"), ("ducha.cases.v1.Cases", "CountCasesOverTime"), ("ducha.cases.v1.Cases", "AssignDown"), ("ducha.cases.v1.Cases", "AssignDownBatch"), ("ducha.cases.v1.Cases", "ReportHandling"),
        ("ducha.cases.v1.Cases", "Supervise"), ("ducha.cases.v1.Cases", "CloseCase"), ("ducha.cases.v1.Cases", "GetCaseFile"),
        ("ducha.cases.v1.Cases", "MatchReporterValues"), ("ducha.cases.v1.Cases", "MatchReporterValuesForCases"),
        ("ducha.exposure.v1.Exposure", "CreateMediaOutlet"), ("ducha.exposure.v1.Exposure", "CreateColumn"),
        ("ducha.exposure.v1.Exposure", "ProposeExposure"), ("ducha.exposure.v1.Exposure", "ScheduleProgramme"),
        ("ducha.exposure.v1.Exposure", "GetColumnCompliance"), ("ducha.exposure.v1.Exposure", "RecordAiring"),
        ("ducha.exposure.v1.Exposure", "ListColumns"), ("ducha.exposure.v1.Exposure", "ListProgrammes"),
        ("ducha.exposure.v1.Exposure", "ListExposures"), ("ducha.exposure.v1.Exposure", "ListFollowUps"),
        ("ducha.cases.v1.Cases", "OpenExposureCase"), ("ducha.exposure.v1.Exposure", "SubmitAccountabilityReport"),
        ("ducha.exposure.v1.Exposure", "DraftAccountabilityReport"), ("ducha.exposure.v1.Exposure", "GetAccountabilityReport"),
        ("ducha.exposure.v1.Exposure", "DrawSpotCheck"), ("ducha.exposure.v1.Exposure", "GetSpotCheck"),
        ("ducha.exposure.v1.Exposure", "RecordSpotCheckFinding"), ("ducha.exposure.v1.Exposure", "GetAccountabilityNotice"),
        // Assessment: schemes and measured values.
        ("ducha.assessment.v1.Assessment", "CreateScheme"), ("ducha.assessment.v1.Assessment", "GetScheme"), ("ducha.assessment.v1.Assessment", "ListSchemes"),
        ("ducha.assessment.v1.Assessment", "ReviseScheme"), ("ducha.assessment.v1.Assessment", "PutSchemeInForce"), ("ducha.assessment.v1.Assessment", "CopyScheme"),
        ("ducha.assessment.v1.Assessment", "RecordMeasurement"), ("ducha.assessment.v1.Assessment", "ListMeasurements"),
        // Assessment: vetoes, duty reports, score sheets, rankings and frozen results.
        ("ducha.assessment.v1.Assessment", "RecordVeto"), ("ducha.assessment.v1.Assessment", "WithdrawVeto"), ("ducha.assessment.v1.Assessment", "ListVetoes"), ("ducha.assessment.v1.Assessment", "ListSecondedCadres"),
        ("ducha.assessment.v1.Assessment", "FileDutyReport"), ("ducha.assessment.v1.Assessment", "ListDutyReports"),
        ("ducha.assessment.v1.Assessment", "GetScoreSheet"), ("ducha.assessment.v1.Assessment", "ListRankings"),
        ("ducha.assessment.v1.Assessment", "FreezeResults"), ("ducha.assessment.v1.Assessment", "VerifyResults"),
        // assessment facts: deductions and their rebuild
        ("ducha.assessment.v1.Assessment", "ListDeductions"), ("ducha.assessment.v1.Assessment", "RebuildScores"),
        // Secondment: 双随机一公开 registers and draws.
        ("ducha.secondment.v1.Secondment", "AddTarget"), ("ducha.secondment.v1.Secondment", "ListTargets"), ("ducha.secondment.v1.Secondment", "AddInspector"),
        ("ducha.secondment.v1.Secondment", "ListInspectors"), ("ducha.secondment.v1.Secondment", "MakeDraw"), ("ducha.secondment.v1.Secondment", "GetDraw"), ("ducha.secondment.v1.Secondment", "ListDraws"),
        ("ducha.secondment.v1.Secondment", "RecordFinding"), ("ducha.secondment.v1.Secondment", "RevealDraw"), ("ducha.secondment.v1.Secondment", "VerifyDraw"),
        // Secondment: draws end.
        ("ducha.secondment.v1.Secondment", "CreateCadre"), ("ducha.secondment.v1.Secondment", "GetHistory"), ("ducha.secondment.v1.Secondment", "VerifyHistory"), ("ducha.disclosure.v1.Disclosure", "GetReceivedCaseCounts"),
        // Secondment: the inspection's organization and supervision requests.
        ("ducha.secondment.v1.Secondment", "SetOrganization"), ("ducha.secondment.v1.Secondment", "GetOrganization"),
        ("ducha.secondment.v1.Secondment", "RequestSupervision"), ("ducha.secondment.v1.Secondment", "ResolveSupervision"),
        ("ducha.secondment.v1.Secondment", "ListSupervisionRequests"),
        // Secondment: cadres' roster, secondments, rotation and evaluations.
        ("ducha.secondment.v1.Secondment", "GetCadre"), ("ducha.secondment.v1.Secondment", "ListCadres"), ("ducha.secondment.v1.Secondment", "Second"),
        ("ducha.secondment.v1.Secondment", "EndSecondment"), ("ducha.secondment.v1.Secondment", "GetSecondment"),
        ("ducha.secondment.v1.Secondment", "PlanRotation"), ("ducha.secondment.v1.Secondment", "RecordEvaluation"),
        ("ducha.secondment.v1.Secondment", "ListAnnualAssessments"),
        ("ducha.disclosure.v1.Disclosure", "DraftBulletin"), ("ducha.disclosure.v1.Disclosure", "CorrectBulletin"),
        ("ducha.disclosure.v1.Disclosure", "ListBulletins"),
        ("ducha.disclosure.v1.Disclosure", "SetBulletinCadence"), ("ducha.disclosure.v1.Disclosure", "MarkTypicalCase"), ("ducha.disclosure.v1.Disclosure", "PublishAnnouncement"),
        ("ducha.disclosure.v1.Disclosure", "GetAnnouncement"), ("ducha.disclosure.v1.Disclosure", "ListAnnouncements"),
        ("ducha.disclosure.v1.Disclosure", "CorrectAnnouncement"), ("ducha.reference.v1.Reference", "GetJurisdiction"),
        ("ducha.reference.v1.Reference", "AddWorkingDays"), ("ducha.reference.v1.Reference", "GetDay"), ("ducha.reference.v1.Reference", "ListChildren"),
        // Cases: returns, verification, oversight, history, the public facts and the unit register.
        ("ducha.cases.v1.Cases", "ReturnCase"), ("ducha.cases.v1.Cases", "VerifyReport"), ("ducha.cases.v1.Cases", "VerifyStopMeasure"),
        ("ducha.cases.v1.Cases", "RecordAccountability"), ("ducha.cases.v1.Cases", "ReferClue"), ("ducha.cases.v1.Cases", "GetHistory"),
        ("ducha.cases.v1.Cases", "VerifyHistory"), ("ducha.cases.v1.Cases", "GetPublicCaseFacts"),
        ("ducha.cases.v1.Units", "ListUnits"), ("ducha.cases.v1.Units", "RegisterUnit"), ("ducha.cases.v1.Units", "RetireUnit"),
        // Exposure and disclosure: the reads and writes the lists above left out.
        ("ducha.exposure.v1.Exposure", "GetColumn"), ("ducha.exposure.v1.Exposure", "GetExposure"), ("ducha.exposure.v1.Exposure", "GetExposureStatistics"),
        ("ducha.exposure.v1.Exposure", "GetMediaOutlet"), ("ducha.exposure.v1.Exposure", "RecordFollowUp"),
        ("ducha.disclosure.v1.Disclosure", "GetBulletin"), ("ducha.disclosure.v1.Disclosure", "GetCaseSummary"), ("ducha.disclosure.v1.Disclosure", "ListDisclosedCases"),
        ("ducha.disclosure.v1.Disclosure", "PublishBulletin"), ("ducha.disclosure.v1.Disclosure", "RebuildReadModels"),
        ("grpc.health.v1.Health", "Check"),
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
        ("ListHeldCases", _) => ("page size out of range, a token not issued", [.. ProtoBytes.Int(1, int.MaxValue), .. ProtoBytes.String(2, "!!!")]),
        ("Second", _) => ("dates at and past the ends of the range, post 2^31-1", [.. ProtoBytes.String(1, Guid.NewGuid().ToString()), .. ProtoBytes.String(2, "320500"),
            .. ProtoBytes.Int(3, int.MaxValue), .. ProtoBytes.String(4, "信访督办组"), .. ProtoBytes.String(5, Pick(random, "1900-01-01", "0001-01-01")),
            .. ProtoBytes.String(6, Pick(random, "2199-12-31", "9999-12-31"))]),
        ("RecordEvaluation", _) => ("year -2^31, grade 2^31-1", [.. ProtoBytes.String(1, Guid.NewGuid().ToString()), .. ProtoBytes.Int(2, int.MinValue),
            .. ProtoBytes.Int(3, 1), .. ProtoBytes.Int(4, int.MaxValue), .. ProtoBytes.String(5, "x")]),
        ("ListAnnualAssessments", _) => ("year out of range", [.. ProtoBytes.String(1, "320500"), .. ProtoBytes.Int(2, Pick(random, int.MaxValue, 2200, 0))]),
        ("ListCadres", _) => ("page size out of range, a token not issued", [.. ProtoBytes.String(1, "320500"), .. ProtoBytes.Int(2, -1), .. ProtoBytes.String(3, "!!!")]),
        ("AddWorkingDays", _) => ("days -2^31", [.. ProtoBytes.String(1, "0001-01-01"), .. ProtoBytes.Int(2, int.MinValue)]),
        ("GetDay", _) => ("date 9999-12-31", ProtoBytes.String(1, "9999-12-31")),
        ("MatchReporterValues", 0 or 1) => ("texts of 20,001 characters under Chinese names of 100 characters",
            [.. ProtoBytes.String(1, Guid.NewGuid().ToString()), .. Texts(Pick(random, 3, 50), i => $"{i:00}{new string('调', 98)}", new string('查', 20001))]),
        ("MatchReporterValuesForCases", 0) => ("501 cases without an id or a text", [.. Enumerable.Range(0, 501).SelectMany(_ => ProtoBytes.String(1, []))]),
        ("MatchReporterValuesForCases", 1) => ("500 cases of 51 texts under empty names", [.. Enumerable.Range(0, 500)
            .SelectMany(_ => ProtoBytes.String(1, [.. ProtoBytes.String(1, "x"), .. Texts(51, _ => "", "")]))]),
        ("MatchReporterValuesForCases", 2) => ("cases of texts of 20,001 characters under Chinese names", [.. Enumerable.Range(0, 3)
            .SelectMany(c => ProtoBytes.String(1, [.. ProtoBytes.String(1, $"case-{c}"), .. Texts(10, i => $"{i:00}{new string('调', 98)}", new string('查', 20001))]))]),
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
        ("CreateScheme" or "ReviseScheme" or "CopyScheme" or "RecordMeasurement" or "ListSchemes" or "ListMeasurements", var pick) => SchemeOddValues(random, method, pick),
        ("RecordVeto", 0) => ("ground 2^31-1, year -1, evidence of 100,000 characters", [.. ProtoBytes.String(1, Pick(random, "320505", "320000", "999999")),
            .. ProtoBytes.String(2, Pick(random, "", "\u0000部门", new string('部', 5000))), .. ProtoBytes.Int(3, Pick(random, -1, int.MaxValue, 2024)),
            .. ProtoBytes.Int(4, Pick(random, int.MaxValue, -1, 1)), .. ProtoBytes.String(5, Pick(random, "", new string('证', 100_000), "证据"))]),
        ("FileDutyReport", 0) => ("a city filing for itself, years out of range", [.. ProtoBytes.String(1, Pick(random, "320500", "320000", "320505")),
            .. ProtoBytes.Int(3, Pick(random, int.MinValue, 1999, 2024)), .. ProtoBytes.String(4, Pick(random, "报告", new string('报', 100_000)))]),
        ("GetScoreSheet" or "ListRankings" or "FreezeResults" or "VerifyResults" or "ListDutyReports", 0) => ("odd codes, years and audiences",
            [.. ProtoBytes.String(1, Pick(random, "320000", "320505", "999999", "3205")), .. ProtoBytes.Int(2, Pick(random, int.MaxValue, -1, 0, 2024)),
            .. ProtoBytes.Int(3, Pick(random, int.MaxValue, -1, 2))]),
        // assessment facts
        ("ListDeductions", 0 or 1) => ("years, page sizes and tokens out of range", [.. ProtoBytes.String(1, Pick(random, "320500", "3205", "999999", "510100")),
            .. ProtoBytes.Int(2, Pick(random, int.MinValue, -1, 0, 2016, 2101, int.MaxValue)), .. ProtoBytes.Int(4, Pick(random, -1, 201, int.MaxValue, int.MinValue)),
            .. ProtoBytes.String(5, Pick(random, "!!!", "%00", new string('f', 5000), "ZGQxfDk5OTk5OTk5OTk5OTk5OTk5OTk5fC0x"))]),
        ("ListDeductions", 2) => ("a department of 100,000 characters", [.. ProtoBytes.String(1, "320500"), .. ProtoBytes.Int(2, 2024),
            .. ProtoBytes.String(3, new string('局', 100_000))]),
        ("RebuildScores", _) => ("a dry run as a varint of 2^63", ProtoBytes.Int(1, long.MaxValue)),
        _ => ("a string of 100,000 characters", ProtoBytes.String(1, new string('长', 100_000))),
    };

    private const string OfTheProgramme = "the real programme", OfTheAnnouncement = "the real announcement";

    /// <summary>The texts of a reporter-value check (map field 2: field name → text).</summary>
    private static byte[] Texts(int count, Func<int, string> name, string text) =>
        [.. Enumerable.Range(0, count).SelectMany(i => ProtoBytes.String(2, [.. ProtoBytes.String(1, name(i)), .. ProtoBytes.String(2, text)]))];

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
