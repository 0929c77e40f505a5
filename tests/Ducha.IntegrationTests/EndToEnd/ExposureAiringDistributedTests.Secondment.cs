using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ducha.Contracts.Cases.V1;
using Ducha.Testing;
using Grpc.Core;
using static Ducha.Testing.Otlp.Span.Types;
using SecondmentV1 = Ducha.Contracts.Secondment.V1;

namespace Ducha.IntegrationTests.EndToEnd;

public sealed partial class ExposureAiringDistributedTests
{
    // 南昌市 and its 东湖区, which no other test of the suite uses: the secondments, cases and draws here are this test's alone
    // even though the broker's queues outlive the processes of other test classes.
    private const string SecondingCity = "360100", HomeCounty = "360102", HomeUnit = "东湖区住建局";

    /// <summary>
    /// Secondment, cases and disclosure as separate processes on the real broker: the city registers a cadre of 东湖区住建局
    /// (the unit checked in cases' register) and seconds them; once <c>secondment.cadre-seconded</c> has crossed the broker,
    /// cases refuses that person's handler token for the bureau on a case the bureau holds, while a colleague and a cadre
    /// whose term ended yesterday are let in; the secondment's trace runs from secondment's request to cases' consumer.
    /// Ended early, the end reaches cases too: the refusal then names today as the last day served.
    /// </summary>
    [Fact]
    public async Task A_cadre_seconded_in_the_secondment_process_is_refused_by_cases_as_a_handler_of_the_old_unit_once_the_event_crosses_the_broker()
    {
        try
        {
            var started = Stopwatch.StartNew();
            var organization = await services.SecondmentAsync(SecondingCity);
            output.WriteLine($"secondment ready in {started.Elapsed.TotalSeconds:F1} s");
            await services.Units(HomeCounty).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = HomeCounty, Name = HomeUnit });
            var caseId = await HeldByHomeUnitAsync();

            var run = Guid.NewGuid().ToString("N")[..8];
            var (seconded, returned, colleague) = ($"e2e-zhou-{run}", $"e2e-wu-{run}", $"e2e-li-{run}");
            var cadre = await organization.CreateCadreAsync(Cadre("周建华", seconded));
            var back = await organization.CreateCadreAsync(Cadre("吴海", returned));
            var today = BeijingToday();
            var (start, end) = (today.AddDays(-10), today.AddDays(180));
            // Before any secondment the cadre works for the bureau like anyone there.
            Assert.Equal(HomeUnit, (await services.CasesHandler(HomeCounty, HomeUnit, seconded).GetCaseAsync(new GetCaseRequest { Id = caseId })).HolderUnit);

            var traceId = ActivityTraceId.CreateRandom().ToHexString();
            var term = await organization.SecondAsync(Term(cadre.Id, start, end),
                new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } });
            // Seconded from 60 days ago through yesterday: back at the bureau today.
            var past = await organization.SecondAsync(Term(back.Id, today.AddDays(-60), today.AddDays(-1)));
            Assert.Equal((SecondmentV1.SecondmentState.Active, SecondmentV1.SecondmentState.Ended), (term.State, past.State));

            var sent = Stopwatch.StartNew();
            var refusal = await Eventually.UntilAsync(() => RefusalAsync(seconded, caseId), e => e is not null, TimeSpan.FromSeconds(60));
            Assert.NotNull(refusal);
            output.WriteLine($"cases refused the seconded cadre {sent.Elapsed.TotalSeconds:F1} s after the secondment");
            Assert.Contains($"until {Day(end)}; a seconded cadre does no work for the original unit ({HomeUnit})", refusal.Status.Detail, StringComparison.Ordinal);
            Assert.Contains("信访督办组", refusal.Status.Detail, StringComparison.Ordinal);
            foreach (var other in new[] { colleague, returned })
                Assert.Equal(caseId, (await services.CasesHandler(HomeCounty, HomeUnit, other).GetCaseAsync(new GetCaseRequest { Id = caseId })).Id);

            // One trace: secondment's request, its relay's send, and cases consuming the event on the other side of the broker.
            var trace = await Eventually.UntilAsync(() => Task.FromResult(services.Collector.Spans.Where(s => s.TraceId == traceId).ToList()),
                // Each process exports in its own batches: wait for both sides, not only the last hop.
                spans => spans.Any(s => s.Service == "cases" && s.Kind == SpanKind.Consumer && s.Name == "process secondment.cadre-seconded")
                    && spans.Any(s => s.Service == "secondment" && s.Kind == SpanKind.Producer && s.Name == "send secondment.cadre-seconded")
                    && spans.Count(s => s.Service == "secondment" && s.Kind == SpanKind.Producer) >= 2,
                TimeSpan.FromSeconds(60));
            Dump(trace);
            var served = Assert.Single(trace, s => s.Service == "secondment" && s.Kind == SpanKind.Server && s.Name.EndsWith("/Second", StringComparison.Ordinal));
            var send = Assert.Single(trace, s => s.Service == "secondment" && s.Kind == SpanKind.Producer && s.Name == "send secondment.cadre-seconded");
            Assert.Equal(served.SpanId, send.ParentSpanId);
            var publish = Assert.Single(trace, s => s.Service == "secondment" && s.Kind == SpanKind.Producer && s.ParentSpanId == send.SpanId);
            Assert.Contains(trace, s => s.Service == "cases" && s.Kind == SpanKind.Consumer && s.Name == "process secondment.cadre-seconded" && s.ParentSpanId == publish.SpanId);

            // Ended early, today is the last day served: cases learns it through the broker and refuses until today only.
            var ended = await organization.EndSecondmentAsync(new SecondmentV1.EndSecondmentRequest { Id = term.Id, Reason = "因工作需要提前结束抽调" });
            Assert.Equal((SecondmentV1.SecondmentState.Ended, Day(today)), (ended.State, ended.EndedDate));
            var shortened = await Eventually.UntilAsync(() => RefusalAsync(seconded, caseId),
                e => e is null || e.Status.Detail.Contains($"until {Day(today)};", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            Assert.NotNull(shortened);
            Assert.Contains($"until {Day(today)}; a seconded cadre does no work for the original unit", shortened.Status.Detail, StringComparison.Ordinal);
            output.WriteLine($"secondment test took {started.Elapsed.TotalSeconds:F1} s");
        }
        catch
        {
            services.WriteTails(output);
            throw;
        }
    }

    /// <summary>
    /// 双随机一公开 across the processes: the city's draw in secondment is on disclosure's public site at once with its
    /// commitment and nothing that tips a target off; revealed with findings, the site shows the seed, the inputs and the
    /// pairs, and the canonical inputs built here from the registered ids as the sampling document defines them hash, with
    /// the seed, to the commitment first published.
    /// </summary>
    [Fact]
    public async Task A_draw_in_the_secondment_process_is_published_by_disclosure_as_a_commitment_first_and_revealed_later_hashing_to_it()
    {
        try
        {
            var office = await services.SecondmentAsync(SecondingCity);
            var round = $"e2e-{Guid.NewGuid():N}"[..12] + "-第1轮";
            string[] counties = ["360103", "360104", "360111", "360112", "360121", "360123"];
            SecondmentV1.RiskClass[] risks = [SecondmentV1.RiskClass.High, SecondmentV1.RiskClass.Medium, SecondmentV1.RiskClass.Low,
                SecondmentV1.RiskClass.Low, SecondmentV1.RiskClass.Medium, SecondmentV1.RiskClass.Low];
            var targets = new List<SecondmentV1.InspectionTarget>();
            for (var i = 0; i < counties.Length; i++)
            {
                targets.Add(await office.AddTargetAsync(new SecondmentV1.AddTargetRequest
                {
                    JurisdictionCode = counties[i], Name = $"南昌某化工企业{i}号", PollutionType = i % 2 == 0 ? "大气" : "水", Risk = risks[i],
                }));
            }
            // Enforcement staff from other cities of the province: none is at home where a target is.
            (string Name, string Unit, string Home)[] staff =
                [("熊立新", "景德镇市生态环境局", "360200"), ("万小平", "萍乡市生态环境局", "360300"), ("涂文静", "九江市生态环境局", "360400"), ("胡国强", "新余市生态环境局", "360500")];
            var inspectors = new List<SecondmentV1.Inspector>();
            foreach (var (name, unit, home) in staff)
            {
                inspectors.Add(await office.AddInspectorAsync(new SecondmentV1.AddInspectorRequest
                {
                    JurisdictionCode = SecondingCity, Name = name, Unit = unit, HomeJurisdictionCode = home,
                }));
            }

            var draw = await office.MakeDrawAsync(new SecondmentV1.MakeDrawRequest { JurisdictionCode = SecondingCity, Round = round, Targets = 4, Teams = 2, TeamSize = 2 });
            Assert.Equal((4, 64), (draw.Pairs.Count, draw.Commitment.Length));

            // At draw time disclosure shows the commitment, from the event alone, and no target, inspector or seed.
            using var site = new HttpClient { BaseAddress = services.DisclosureProcess.Address };
            var committedJson = await PublishedDrawAsync(site, draw.Id + ".json", page => page.Contains(draw.Commitment, StringComparison.Ordinal));
            var committedPage = await PublishedDrawAsync(site, draw.Id, page => page.Contains(draw.Commitment, StringComparison.Ordinal));
            string firstPublished;
            using (var json = JsonDocument.Parse(committedJson))
            {
                var root = json.RootElement;
                firstPublished = root.GetProperty("commitment").GetString()!;
                Assert.Equal((draw.Id, round, 4, 2, 2, false), (root.GetProperty("id").GetString(), root.GetProperty("round").GetString(),
                    root.GetProperty("targets").GetInt32(), root.GetProperty("teams").GetInt32(), root.GetProperty("teamSize").GetInt32(), root.GetProperty("revealed").GetBoolean()));
                foreach (var hidden in new[] { "seed", "inputsHash", "inputs", "pairs" }) Assert.False(root.TryGetProperty(hidden, out _), $"{hidden} published at draw time");
            }
            Assert.Equal(draw.Commitment, firstPublished);
            Assert.Contains("现仅公布承诺值", committedPage);
            foreach (var secret in targets.Select(t => t.Name).Concat(inspectors.Select(i => i.Name)))
            {
                Assert.DoesNotContain(secret, committedPage);
                Assert.DoesNotContain(secret, committedJson);
            }

            foreach (var pair in draw.Pairs)
                await office.RecordFindingAsync(new SecondmentV1.RecordFindingRequest { Id = draw.Id, TargetId = pair.TargetId, Findings = $"{pair.TargetName}：废气处理设施运行正常" });
            var revealed = await office.RevealDrawAsync(new SecondmentV1.RevealDrawRequest { Id = draw.Id });
            Assert.True(revealed.Revealed);

            var revealedJson = await PublishedDrawAsync(site, draw.Id + ".json", page => page.Contains("\"revealed\":true", StringComparison.Ordinal));
            var revealedPage = await PublishedDrawAsync(site, draw.Id, page => page.Contains(revealed.Seed, StringComparison.Ordinal));
            using (var json = JsonDocument.Parse(revealedJson))
            {
                var root = json.RootElement;
                var (seed, inputsHash, inputs) = (root.GetProperty("seed").GetString()!, root.GetProperty("inputsHash").GetString()!, root.GetProperty("inputs").GetString()!);
                Assert.Equal((revealed.Seed, revealed.InputsHash, firstPublished), (seed, inputsHash, root.GetProperty("commitment").GetString()));

                // The check anyone can make: the inputs as the document defines them, from the ids registered, hash to the
                // published inputs hash, and SHA-256(seed + inputs hash) is the commitment published at draw time.
                var canonical = CanonicalInputs(round, 4, 2, 2, targets, inspectors);
                Assert.Equal(canonical, inputs);
                Assert.Equal(inputsHash, Sha256Hex(canonical));
                Assert.Equal(firstPublished, Sha256Hex(seed + inputsHash));

                var pairs = root.GetProperty("pairs").EnumerateArray().ToList();
                Assert.Equal(draw.Pairs.Select(p => (p.TargetName, p.Team)), pairs.Select(p => (p.GetProperty("targetName").GetString()!, p.GetProperty("team").GetInt32())));
                Assert.All(pairs, p => Assert.EndsWith("废气处理设施运行正常", p.GetProperty("findings").GetString(), StringComparison.Ordinal));
                // Of the inspectors, their names and units only.
                foreach (var inspector in pairs.SelectMany(p => p.GetProperty("inspectors").EnumerateArray()))
                    Assert.Equal(["name", "unit"], inspector.EnumerateObject().Select(p => p.Name));
            }
            Assert.Contains(revealed.InputsHash, revealedPage);
            Assert.Contains(firstPublished, revealedPage);
            foreach (var pair in draw.Pairs)
            {
                Assert.Contains(pair.TargetName, revealedPage);
                Assert.All(pair.Inspectors, i => Assert.Contains($"{i.Name}（{i.Unit}）", revealedPage));
            }
        }
        catch
        {
            services.WriteTails(output);
            throw;
        }
    }

    /// <summary>
    /// The canonical inputs of a level's first draw as docs/sampling.md "Draws" spells them: one line of JSON, keys in order,
    /// every id list sorted by UTF-8 bytes, strings escaped as JSON.stringify does.
    /// </summary>
    private static string CanonicalInputs(string round, int targets, int teams, int teamSize,
        IEnumerable<SecondmentV1.InspectionTarget> registered, IEnumerable<SecondmentV1.Inspector> inspectors)
    {
        static string Ids(IEnumerable<string> ids) => "[" + string.Join(",", ids.OrderBy(id => Encoding.UTF8.GetBytes(id), Utf8Order.Instance).Select(Quote)) + "]";
        var byRisk = new[] { ("HIGH", SecondmentV1.RiskClass.High), ("MEDIUM", SecondmentV1.RiskClass.Medium), ("LOW", SecondmentV1.RiskClass.Low) }
            .Select(r => $"{Quote(r.Item1)}:{Ids(registered.Where(t => t.Risk == r.Item2).Select(t => t.Id))}");
        return "{\"procedure\":\"ducha-draw-v1\",\"round\":" + Quote(round)
            + $",\"targets\":{targets},\"teams\":{teams},\"team_size\":{teamSize},\"previous_draw_id\":null"
            + ",\"target_ids\":{" + string.Join(",", byRisk) + "},\"inspector_ids\":" + Ids(inspectors.Select(i => i.Id)) + "}";
    }

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"", '\\' => "\\\\", '\b' => "\\b", '\f' => "\\f", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<string> PublishedDrawAsync(HttpClient site, string file, Func<string, bool> shows) =>
        await Eventually.UntilAsync(async () =>
        {
            using var response = await site.GetAsync(new Uri($"/public/draws/{file}", UriKind.Relative));
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
        }, shows, TimeSpan.FromSeconds(60));

    /// <summary>A case of 东湖区 the city assigned down, held by the bureau.</summary>
    private async Task<string> HeldByHomeUnitAsync()
    {
        var (city, county) = (services.Cases(SecondingCity), services.Cases(HomeCounty));
        var filed = await city.CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = HomeCounty,
            Address = "东湖区某街道某小区旁工地",
            Polluter = "南昌某建筑工程有限公司",
            PollutionType = PollutionType.Noise,
            Description = "工地夜间施工噪声扰民",
            Channel = Channel.InspectionTeam,
            Reporter = new Reporter { Name = "熊桂英", Phone = "13907910417", Address = "东湖区某小区" },
        });
        await city.AssignDownAsync(new AssignDownRequest { CaseId = filed.Id, ToJurisdictionCode = HomeCounty, WorkingDays = 10 });
        await county.AssignDownAsync(new AssignDownRequest { CaseId = filed.Id, HandlingUnit = HomeUnit, WorkingDays = 9 });
        return filed.Id;
    }

    /// <summary>Cases' refusal of the handler <paramref name="subject"/> of the bureau on the case, or null when let in.</summary>
    private async Task<RpcException?> RefusalAsync(string subject, string caseId)
    {
        try
        {
            await services.CasesHandler(HomeCounty, HomeUnit, subject).GetCaseAsync(new GetCaseRequest { Id = caseId });
            return null;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            return e;
        }
    }

    private static SecondmentV1.CreateCadreRequest Cadre(string name, string subject) => new()
    {
        JurisdictionCode = HomeCounty, Name = name, HomeUnit = HomeUnit, Rank = SecondmentV1.CadreRank.Section, Specialities = { "执法" }, Subject = subject,
    };

    private static SecondmentV1.SecondRequest Term(string cadreId, DateOnly start, DateOnly end) => new()
    {
        CadreId = cadreId, JurisdictionCode = SecondingCity, Post = SecondmentV1.PostKind.InspectionTeam, PostName = "信访督办组",
        StartDate = Day(start), EndDate = Day(end),
    };

    // The processes run on the wall clock; their dates are Beijing's.
    private static DateOnly BeijingToday() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
