using System.Diagnostics;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Xunit.Abstractions;
using static Ducha.Testing.Otlp.Span.Types;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.AppHost.Tests;

/// <summary>
/// The AppHost as a user runs it (<c>dotnet run --project AppHost</c>), on RabbitMQ and PostgreSQL from the Debian
/// packages: all five services and the console come up healthy, and a case walked from intake to closure through cases is counted by
/// disclosure, in one trace that shows the database and the broker.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class DistributedModeTests(AppHostFixture host, ITestOutputHelper output)
{
    private const string Unit = CaseWalk.Unit;

    [Fact]
    public async Task The_console_comes_up_with_the_services_and_asks_who_is_signing_in()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Endpoint("webconsole") };

        using var root = await http.GetAsync("/");
        var signIn = await http.GetStringAsync("/signin");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, root.StatusCode);
        Assert.StartsWith("/signin", root.Headers.Location!.OriginalString.Replace(http.BaseAddress!.ToString().TrimEnd('/'), "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\"", signIn, StringComparison.Ordinal);
        Assert.Contains("登录", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_walked_to_closure_is_counted_by_disclosure_in_one_trace_through_the_database_and_the_broker()
    {
        using var cases = GrpcChannel.ForAddress(host.Endpoint("cases"));
        using var disclosure = GrpcChannel.ForAddress(host.Endpoint("disclosure"));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var city = new CasesClient(cases.Intercept(Authorize(CaseWalk.City)));

        var created = await city.CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = "320506",
            Address = "苏州市吴中区木渎镇",
            PollutionType = PollutionType.Noise,
            Description = "工地夜间施工噪声扰民",
            Channel = Channel.Hotline12369,
            Reporter = new Reporter { Name = "赵淑芬", Phone = "13800138000", Address = "木渎镇某小区" },
        }, new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } });
        var closed = await CaseWalk.ToClosureAsync(cases.CreateCallInvoker(), Authorize, created.Id);
        Assert.Equal(CaseStatus.Closed, closed.Status);

        var counts = new Disclosure.DisclosureClient(disclosure.Intercept(Authorize("320500")));
        var received = await Eventually.UntilAsync(async () => (await counts.GetReceivedCaseCountsAsync(
                new GetReceivedCaseCountsRequest { JurisdictionCode = "320506" })).Counts.SingleOrDefault()?.Received ?? 0,
            n => n >= 1, TimeSpan.FromSeconds(90));
        Assert.Equal(1, received);

        var trace = await Eventually.UntilAsync(() => Task.FromResult(host.Traces.Spans.Where(s => s.TraceId == traceId).ToList()),
            spans => spans.Any(s => s.Service == "disclosure" && s.Kind == SpanKind.Consumer)
                     && spans.Any(s => s.Service == "disclosure" && s.Scope == "Npgsql"), TimeSpan.FromSeconds(60));
        foreach (var span in trace)
            output.WriteLine($"{span.Service} {span.Scope} {span.Kind} {span.Name} {span.SpanId} <- {span.ParentSpanId}");

        var server = Assert.Single(trace, s => s.Service == "cases" && s.Kind == SpanKind.Server && s.Name.Contains("CreateCase", StringComparison.Ordinal));
        var send = Assert.Single(trace, s => s.Service == "cases" && s.Kind == SpanKind.Producer && s.Name == "send cases.case-received");
        var process = Assert.Single(trace, s => s.Service == "disclosure" && s.Kind == SpanKind.Consumer && s.Name == "process cases.case-received");
        // The case's insert, under the request; the relay's send continues the request; the broker client's publish sits
        // under the send; disclosure's processing continues it and writes its count to its own database.
        Assert.Contains(trace, s => s.Service == "cases" && s.Scope == "Npgsql" && s.Kind == SpanKind.Client);
        Assert.Equal(server.SpanId, send.ParentSpanId);
        var publish = Assert.Single(trace, s => s.Service == "cases" && s.Scope == "RabbitMQ.Client.Publisher" && s.ParentSpanId == send.SpanId);
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        Assert.Contains(trace, s => s.Service == "disclosure" && s.Scope == "Npgsql" && s.Kind == SpanKind.Client);
    }

    [Fact]
    public async Task Secondment_finds_a_cadres_home_unit_in_the_register_the_cases_service_keeps()
    {
        using var secondment = GrpcChannel.ForAddress(host.Endpoint("secondment"));
        var organization = new Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient(secondment.Intercept(Authorize("320500", "organization")));
        Ducha.Contracts.Secondment.V1.CreateCadreRequest Cadre(string unit) => new()
        {
            JurisdictionCode = "320506", Name = "张伟", HomeUnit = unit, Rank = Ducha.Contracts.Secondment.V1.CadreRank.Section,
            Subject = $"cadre-{Guid.NewGuid():N}",
        };

        var cadre = await organization.CreateCadreAsync(Cadre(Unit));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => organization.CreateCadreAsync(Cadre("吴中区并不存在局")).ResponseAsync);

        Assert.Equal(Unit, cadre.HomeUnit);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Contains("home_unit", unknown.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_runs_as_two_replicas_and_no_server_runs_outside_the_AppHost_data_folder()
    {
        // Both replicas are processes of their own behind the one endpoint.
        var replicas = Process.GetProcesses().Count(p => p.ProcessName == "Ducha.Cases"
            && File.Exists($"/proc/{p.Id}/environ")
            && File.ReadAllText($"/proc/{p.Id}/environ").Contains(host.Traces.Endpoint, StringComparison.Ordinal));
        Assert.Equal(2, replicas);
        Assert.Contains(AppHostFixture.ProcessesUsing(host.DataDir), p => p.ProcessName.StartsWith("postgres", StringComparison.Ordinal));
        Assert.Contains(AppHostFixture.ProcessesUsing(host.DataDir), p => p.ProcessName.StartsWith("beam", StringComparison.Ordinal));
    }

    private Func<Metadata, Metadata> Authorize(string jurisdiction, string role = "office", string? unit = null) => metadata =>
    {
        metadata.Add("Authorization", "Bearer " + host.Tokens.Issue(jurisdiction, role, "apphost-test", unit: unit));
        return metadata;
    };
}
