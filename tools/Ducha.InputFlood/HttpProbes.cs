using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;

namespace Ducha.InputFlood;

/// <summary>The probes of the HTTP surfaces: REST, Open311, the reference routes and the public site.</summary>
internal static partial class Probes
{
    // ---- REST ----

    private static Probe RestProbe(Random random)
    {
        var n = random.Next(37);
        // One in twelve goes to the assessment's schemes and measured values (SchemeProbes.cs).
        var (what, method, path, body, type) = random.Next(12) == 0 ? SchemeRestProbe(random) : n switch
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
            33 => ("reporter texts of many cases, odd", "POST", "/v1/cases:matchReporterValues", Pick(random, "{\"cases\":7}",
                "{\"cases\":[{\"caseId\":7,\"texts\":[]}]}", "{\"cases\":[{\"caseId\":\"x\",\"texts\":{\"\":\"\"}}]}", "{\"cases\":[" + string.Join(",", Enumerable.Repeat("{}", 501)) + "]}",
                $"{{\"cases\":[{{\"caseId\":\"x\",\"texts\":{{\"{new string('调', 100)}\":\"{new string('查', 20001)}\"}}}}]}}"), "application/json"),
            34 => ("bulletin lists by odd codes, states and pages", "GET", $"/v1/jurisdictions/{Pick(random, "%00", "3205", "999999", "320505", "320506")}/bulletins?state={Pick(random, "BULLETIN_STATE_LOST", "7", "-1", "BULLETIN_STATE_DRAFT")}&pageSize={Pick(random, "-1", "2147483648", "1e3", "201")}&pageToken={Pick(random, "%FF", "x", "YjF8MjAyNDA5Mjd8eA", "")}", null, null),
            35 => ("score sheets and rankings by odd codes, years and departments", "GET", Pick(random,
                $"/v1/score-sheets/{Pick(random, "%00", "320000", "999999", "320505")}/{Pick(random, "2147483648", "-1", "x", "2024")}?department={Pick(random, "%00", "%FF", new string('部', 200), "")}",
                $"/v1/jurisdictions/{Pick(random, "320000", "%00", "3205")}/rankings/{Pick(random, "2024", "0", "1e3")}?audience={Pick(random, "AUDIENCE_ALL", "7", "-1", "AUDIENCE_DEPARTMENTS")}"), null, null),
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
        var (what, path) = random.Next(8) switch
        {
            0 => ("odd jurisdiction codes", $"/public/{Pick(random, "", "abc", "%00", "999999", "1234567890", "%E8%8B%8F%E5%B7%9E", "000000", "320505%00", new string('3', 4000), "..%2F..")}"),
            1 => ("feeds and JSON of odd codes", $"/public/{Pick(random, "999999", "32050%00", "%FF", "320505", "320500", "x")}/{Pick(random, "feed.atom", "announcements.json", "feed.atom%00", "bulletins", "bulletins.json", "bulletins.json%00", "..")}"),
            2 => ("announcements by odd ids", $"/public/announcements/{Pick(random, "%00", "x", new string('9', 5000), "01a2b3c4-0000-7000-8000-00000000000g", "{announcement}", "%E4%B8", "{announcement}.json")}"),
            3 => ("versions that are none", $"/public/announcements/{{announcement}}?version={Pick(random, "0", "-1", "2147483648", "1e3", "x", "%00", "1&version=2", "")}"),
            4 => ("paths below the site that are none", $"/public/{Pick(random, "a/b/c", "320505/feed.atom/x", "%2e%2e/%2e%2e/etc/passwd", "announcements", "announcements/")}"),
            5 => ("bulletins and their files by odd ids", $"/public/bulletins/{Pick(random, "%00", "x.json", new string('9', 5000) + ".csv", "01a2b3c4-0000-7000-8000-00000000000g.xlsx",
                "01a2b3c4-0000-7000-8000-000000000003.json", "01a2b3c4-0000-7000-8000-000000000003.pdf", ".json", "..xlsx", "01a2b3c4-0000-7000-8000-000000000003.json?version=0")}"),
            6 => ("assessment results of odd codes and years", $"/public/assessment-results/{Pick(random, "320000", "%00", "999999", "x")}/{Pick(random, "2024", "2024.json", "0", "99999", "2024.xml", ".json", "%FF", "2024.json%00")}"),
            _ => ("the pages with odd validators", Pick(random, "/public/320505", "/public/320000", "/public/announcements/{announcement}", "/public/320505/feed.atom")),
        };
        var method = random.Next(5) == 0 ? "HEAD" : "GET";
        var validator = random.Next(3) == 0 ? Pick(random, "*", "W/\"x\"", "\"unterminated", new string('"', 3000), "\"a\", W/\"b\", ,,") : null;
        return HttpProbe(PublicSite, what, method, path, null, null, withToken: false, ifNoneMatch: validator);
    }
}
