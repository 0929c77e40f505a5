using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Exposure.V1;
using Ducha.Identity;
using Ducha.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;
using static Ducha.Testing.Otlp.Span.Types;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using ExposureClient = Ducha.Contracts.Exposure.V1.Exposure.ExposureClient;

namespace Ducha.IntegrationTests.EndToEnd;

/// <summary>
/// Exposure, cases and disclosure as separate processes on the real RabbitMQ and PostgreSQL, exposure and cases exporting
/// their spans to one collector: an airing recorded while cases is down still stands and its cases are opened once cases
/// is back, each once; an airing's trace runs from exposure through its call to cases to the events cases publishes after
/// it; and cases filed in a county and a problem aired there feed, through the broker alone, the county's 边督边改 bulletin
/// at disclosure, which the public read without the reporter (<c>ExposureAiringDistributedTests.Bulletin.cs</c>). Secondment
/// joins them as its own process: cases refuses a seconded cadre as a handler of the old unit once the event crosses the
/// broker, and disclosure publishes a draw's commitment, then the revealed draw that hashes to it
/// (<c>ExposureAiringDistributedTests.Secondment.cs</c>).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed partial class ExposureAiringDistributedTests(AiringServices services, ITestOutputHelper output) : IClassFixture<AiringServices>
{
    // Monday 30 September 2024, the day before the National Day holiday: the follow-up is due on Saturday 12 October, the
    // make-up working day (1–7 October do not count). In the past, so the wall clock the processes run on allows it.
    private const string AirDate = "2024-09-30";
    private static readonly DateTimeOffset AiredAt = new(2024, 9, 30, 20, 0, 0, TimeSpan.FromHours(8));
    private const string Deadline = "2024-10-12";
    private const string Province = "320000";
    private static readonly (string Place, string City)[] Places = [("320505", "320500"), ("320213", "320200")];

    [Fact]
    public async Task An_airing_recorded_while_cases_is_down_stands_and_each_case_is_opened_once_when_cases_is_back()
    {
        var province = services.Exposure(Province);
        var (column, problems) = await ProposeAsync(province);
        var programme = await province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = AirDate, ExposureIds = { problems.Select(p => p.Id) } });
        var failuresBefore = services.ExposureProcess.LinesWith(AiringServices.CasesUnavailable);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        try
        {
            await services.CasesProcess.KillAsync();

            // The REST route integrators and scripts use, with the caller's trace context.
            using var air = new HttpRequestMessage(HttpMethod.Post, $"/v1/programmes/{programme.Id}:air")
            {
                Content = JsonContent.Create(new { airedAt = AiredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) }),
            };
            air.Headers.Authorization = new("Bearer", services.Token(Province));
            air.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var http = new HttpClient { BaseAddress = services.ExposureProcess.Address };
            using var aired = await http.SendAsync(air);
            Assert.True(aired.IsSuccessStatusCode, $"{(int)aired.StatusCode}: {await aired.Content.ReadAsStringAsync()}");
            Assert.Equal(programme.Id, (await aired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

            // The follow-up is owed from the airing; the case is not there yet.
            foreach (var problem in problems)
            {
                var exposed = await province.GetExposureAsync(new GetExposureRequest { Id = problem.Id });
                Assert.Equal((Deadline, ""), (exposed.FollowUpDeadline, exposed.CaseId));
            }
            // The opener has really tried and failed (not merely not yet tried) before cases comes back.
            var failures = await Eventually.UntilAsync(() => Task.FromResult(services.ExposureProcess.LinesWith(AiringServices.CasesUnavailable)),
                n => n > failuresBefore, TimeSpan.FromSeconds(60));
            Assert.True(failures > failuresBefore, "exposure never reported cases unavailable");
            Assert.All(problems, p => Assert.Equal("", province.GetExposure(new GetExposureRequest { Id = p.Id }).CaseId));

            var down = Stopwatch.StartNew();
            await services.CasesProcess.RestartAsync();
            var withCases = new List<ExposureProblem>();
            foreach (var problem in problems) withCases.Add(await AiringServices.WithCaseAsync(province, problem.Id, TimeSpan.FromSeconds(90)));
            output.WriteLine($"{failures - failuresBefore} failed attempts while cases was down; all cases opened {down.Elapsed.TotalSeconds:F1} s after it was back");

            // Each problem has exactly one case in cases, of channel media exposure, assigned to its city, due as the airing fixed.
            var cases = services.Cases(Province);
            foreach (var (problem, (place, city)) in withCases.Zip(Places))
            {
                var listed = await cases.ListCasesAsync(new ListCasesRequest { JurisdictionCode = place, Channel = Channel.MediaExposure, PageSize = 200 });
                var opened = Assert.Single(listed.Cases, c => c.Polluter == problem.Polluter);
                Assert.Equal((problem.CaseId, place, city, Deadline, CaseStatus.Assigned), (opened.Id, opened.JurisdictionCode, opened.HolderJurisdictionCode, opened.Deadline, opened.Status));
                Assert.Equal(1, await services.CasesWithKeyAsync($"exposure:{problem.Id}"));
            }

            // However late, the case's opening joins the airing's trace.
            var trace = await Eventually.UntilAsync(() => Task.FromResult(services.Collector.Spans.Where(s => s.TraceId == traceId).ToList()),
                spans => spans.Count(s => s.Service == "cases" && s.Kind == SpanKind.Server && s.Name.Contains("OpenExposureCase", StringComparison.Ordinal)) >= 2
                    && spans.Count(s => s.Service == "exposure" && s.Name == "exposure open case") > 2,
                TimeSpan.FromSeconds(60));
            Dump(trace);
            var airing = Assert.Single(trace, s => s.Service == "exposure" && s.Kind == SpanKind.Server && s.Name == "POST /v1/programmes/{id}:air");
            var served = trace.Where(s => s.Service == "cases" && s.Kind == SpanKind.Server && s.Name.Contains("OpenExposureCase", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, served.Count);
            foreach (var span in served)
            {
                // cases' span ← exposure's HTTP/2 request ← its gRPC call ← the opener's attempt ← the airing request.
                var request = Parent(trace, span);
                var call = Parent(trace, request);
                var opening = Parent(trace, call);
                Assert.Equal(("exposure", SpanKind.Client, "ducha.cases.v1.Cases/OpenExposureCase"), (call.Service, call.Kind, call.Name));
                Assert.Equal(("exposure", "exposure open case"), (opening.Service, opening.Name));
                Assert.Equal(airing.SpanId, opening.ParentSpanId);
            }
            // The attempts that found cases down are in the trace too, each an opener's attempt with its failed call.
            Assert.True(trace.Count(s => s.Name == "exposure open case") > served.Count, "no failed attempt in the trace");
        }
        catch
        {
            services.WriteTails(output);
            throw;
        }
        finally
        {
            if (services.CasesProcess.HasExited) await services.CasesProcess.RestartAsync();
        }
    }

    [Fact]
    public async Task An_airing_yields_its_case_in_one_trace_across_exposure_the_call_to_cases_and_the_events_after_it()
    {
        var province = services.Exposure(Province);
        var (column, problems) = await ProposeAsync(province, count: 1);
        var programme = await province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = AirDate, ExposureIds = { problems[0].Id } });
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var caller = ActivitySpanId.CreateRandom().ToHexString();
        try
        {
            await province.RecordAiringAsync(new RecordAiringRequest { Id = programme.Id, AiredAt = Timestamp.FromDateTimeOffset(AiredAt) },
                new Metadata { { "traceparent", $"00-{traceId}-{caller}-01" } });
            var exposed = await AiringServices.WithCaseAsync(province, problems[0].Id, TimeSpan.FromSeconds(60));
            var opened = await services.Cases(Province).GetCaseAsync(new GetCaseRequest { Id = exposed.CaseId });
            Assert.Equal((Channel.MediaExposure, "320500", Deadline), (opened.Channel, opened.HolderJurisdictionCode, opened.Deadline));
            // The city owes the follow-up: 待回访's list finds it open, on PostgreSQL, and not among the completed.
            var city = services.Exposure("320500");
            var open = await city.ListFollowUpsAsync(new ListFollowUpsRequest { PageSize = 200 });
            var done = await city.ListFollowUpsAsync(new ListFollowUpsRequest { PageSize = 200, Completed = true });
            Assert.Contains(open.Exposures, p => p.Id == problems[0].Id && p.FollowUpDeadline == Deadline);
            Assert.DoesNotContain(done.Exposures, p => p.Id == problems[0].Id);

            var trace = await Eventually.UntilAsync(() => Task.FromResult(services.Collector.Spans.Where(s => s.TraceId == traceId).ToList()),
                // Each process exports a span when it ends, in batches: wait for the last of each kind.
                spans => spans.Any(s => s.Service == "cases" && s.Kind == SpanKind.Producer && s.Name.StartsWith("send cases.", StringComparison.Ordinal))
                    && spans.Any(s => s.Service == "exposure" && s.Kind == SpanKind.Producer && s.Name == "send exposure.problem-exposed")
                    && spans.Any(s => s.Service == "exposure" && s.Name == "exposure open case"),
                TimeSpan.FromSeconds(60));
            Dump(trace);

            // Exposure's request, under the caller's span.
            var airing = Assert.Single(trace, s => s.Service == "exposure" && s.Kind == SpanKind.Server && s.Name.Contains("RecordAiring", StringComparison.Ordinal));
            Assert.Equal(caller, airing.ParentSpanId);
            // The background opener continues the airing's trace, and its call to cases goes out under it.
            var opening = Assert.Single(trace, s => s.Service == "exposure" && s.Name == "exposure open case");
            Assert.Equal(airing.SpanId, opening.ParentSpanId);
            var call = Assert.Single(trace, s => s.Service == "exposure" && s.Kind == SpanKind.Client && s.Name == "ducha.cases.v1.Cases/OpenExposureCase");
            Assert.Equal(opening.SpanId, call.ParentSpanId);
            // Cases serves that call (its HTTP/2 request, the one attempt cases being up) and opens the case...
            var request = Assert.Single(trace, s => s.Service == "exposure" && s.Kind == SpanKind.Client && s.ParentSpanId == call.SpanId);
            var served = Assert.Single(trace, s => s.Service == "cases" && s.Kind == SpanKind.Server && s.Name.Contains("OpenExposureCase", StringComparison.Ordinal));
            Assert.Equal(request.SpanId, served.ParentSpanId);
            // ...and what it publishes after it (received, assigned, clue referred) is relayed in the same trace, through the broker.
            var sent = trace.Where(s => s.Service == "cases" && s.Kind == SpanKind.Producer && s.Name.StartsWith("send cases.", StringComparison.Ordinal)).ToList();
            Assert.Contains(sent, s => s.Name == "send cases.case-received");
            Assert.All(sent, s => Assert.Equal(served.SpanId, s.ParentSpanId));
            Assert.Contains(trace, s => s.Service == "cases" && s.Kind == SpanKind.Producer && sent.Any(send => send.SpanId == s.ParentSpanId));
            // So is exposure's own event of the airing.
            var exposedEvent = Assert.Single(trace, s => s.Service == "exposure" && s.Kind == SpanKind.Producer && s.Name == "send exposure.problem-exposed");
            Assert.Equal(airing.SpanId, exposedEvent.ParentSpanId);
        }
        catch
        {
            services.WriteTails(output);
            throw;
        }
    }

    /// <summary>The province's own column with <paramref name="count"/> problems, each about its own polluter in a different city.</summary>
    private static async Task<(Column, List<ExposureProblem>)> ProposeAsync(ExposureClient province, int count = 2)
    {
        var outlet = await province.CreateMediaOutletAsync(new CreateMediaOutletRequest
        {
            JurisdictionCode = Province, Name = "江苏卫视", Kind = MediaKind.Tv, WeeklyQuota = 3,
        });
        var column = await province.CreateColumnAsync(new CreateColumnRequest { MediaOutletId = outlet.Id, Name = "263在行动" });
        var problems = new List<ExposureProblem>();
        foreach (var (place, _) in Places.Take(count))
        {
            problems.Add(await province.ProposeExposureAsync(new ProposeExposureRequest
            {
                ColumnId = column.Id,
                PlaceJurisdictionCode = place,
                Address = "某镇某路88号",
                Polluter = $"某化工有限公司{Guid.NewGuid():N}"[..20],
                PollutionType = Ducha.Contracts.Exposure.V1.PollutionType.Water,
                Description = "雨水管道偷排生产废水",
                Reasons = { SelectionReason.ManyComplaints, SelectionReason.UndercoverVisit },
                Materials = { new Material { Name = "暗访视频.mp4", MediaType = "video/mp4", SizeBytes = 52_428_800 } },
            }));
        }
        return (column, problems);
    }

    private static ExportedSpan Parent(List<ExportedSpan> trace, ExportedSpan span) =>
        trace.SingleOrDefault(s => s.SpanId == span.ParentSpanId) ?? throw new Xunit.Sdk.XunitException($"{span.Service} {span.Name}: its parent {span.ParentSpanId} is not in the trace");

    private void Dump(IEnumerable<ExportedSpan> trace)
    {
        foreach (var span in trace) output.WriteLine($"{span.Service} {span.Kind} {span.Name} [{span.Scope}] {span.SpanId} <- {span.ParentSpanId}");
    }
}
