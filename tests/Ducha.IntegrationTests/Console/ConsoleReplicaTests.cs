using System.Net;
using Ducha.Contracts.Cases.V1;
using Ducha.Identity;
using Ducha.Testing;
using Ducha.WebConsole.Components.Forms;
using Ducha.WebConsole.Data;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.IntegrationTests.Console;

/// <summary>
/// Two console replicas behind one address, sharing one real PostgreSQL database (the suite's server): a browser whose
/// requests the load balancer deals to either replica keeps its session, its forms' anti-forgery tokens hold on both,
/// and the same form posted to both acts once.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ConsoleReplicaTests(PostgresFixture postgres, CasesForConsoles cases) : IClassFixture<CasesForConsoles>, IAsyncLifetime
{
    private const string Jiangsu = "320000", Suzhou = "320500";
    private readonly Ducha.BuildingBlocks.Time.MovableClock _clock = new(TimeProvider.System.GetUtcNow());
    private ConsoleReplica _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        // Together, as a Deployment starts its pods: both migrate the empty database and read the empty key ring.
        var started = await Task.WhenAll(ConsoleReplica.StartAsync(database, cases.Address, _clock), ConsoleReplica.StartAsync(database, cases.Address, _clock));
        (_a, _b) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task A_session_made_on_one_replica_is_served_by_the_other_and_signing_out_there_ends_it_on_both()
    {
        using var browser = new ConsoleVisitor();
        await browser.SignInAsync(_a, Jiangsu, "省办王科");

        using var onB = await browser.At(_b).GetAsync("/");
        var pageOnB = await onB.Content.ReadAsStringAsync();
        using var stranger = new ConsoleVisitor();
        using var strangerOnB = await stranger.At(_b).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("省办王科", WebUtility.HtmlDecode(pageOnB), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, strangerOnB.StatusCode);
        Assert.Equal("/signin", Where(strangerOnB).AbsolutePath);
        // One key in the ring though both replicas started on an empty one: each opens what the other sealed.
        Assert.Equal(1, await CountAsync(db => db.DataProtectionKeys.CountAsync()));

        // Signing out on A with the form B rendered (its anti-forgery token) ends the session B also served.
        var tokenFromB = HtmlForms.AntiforgeryToken(pageOnB);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokenFromB });
        using var signedOut = await browser.At(_a).PostAsync("/signout", content);
        using var afterwardsOnB = await browser.At(_b).GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/signin", Where(signedOut).AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, afterwardsOnB.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.SessionTickets.CountAsync()));
    }

    [Fact]
    public async Task The_same_case_form_posted_to_both_replicas_assigns_once_and_both_posts_lead_to_the_confirmation()
    {
        var created = await CasesAs(Jiangsu).CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = "320506",
            Address = "木渎镇金枫路",
            Polluter = $"吴中某铸造厂{Guid.NewGuid().ToString("N")[..6]}",
            PollutionType = PollutionType.Water,
            Description = "夜间向河道偷排黑臭废水",
            Channel = Channel.Hotline12369,
        });
        using var browser = new ConsoleVisitor();
        await browser.SignInAsync(_a, Jiangsu, "省办张科");
        var path = $"/cases/{created.Id}";
        var form = HtmlForms.Named(await browser.At(_a).GetStringAsync(path), "assign");
        (string, string)[] typed = [("Form.Target", $"office:{Suzhou}"), ("Form.WorkingDays", "10")];

        // A double click the load balancer split: the same form, key and token included, once to each replica.
        using var toA = form.With(typed);
        using var toB = form.With(typed);
        var posts = await Task.WhenAll(browser.At(_a).PostAsync(form.Action ?? path, toA), browser.At(_b).PostAsync(form.Action ?? path, toB));

        Assert.All(posts, p => Assert.Equal($"{path}?done=assigned", Where(p).PathAndQuery));
        var history = await CasesAs(Jiangsu).GetHistoryAsync(new GetHistoryRequest { Id = created.Id });
        Assert.Equal(["Receive", "AssignDown"], history.Transitions.Select(t => t.Action));
        foreach (var post in posts) post.Dispose();
    }

    [Fact]
    public async Task A_form_claimed_on_one_replica_is_taken_on_the_other_which_waits_and_returns_the_same_refusal()
    {
        var key = FormKey();
        var serviceAnswers = new TaskCompletionSource();
        var calls = 0;
        var refused = new Google.Rpc.Status
        {
            Code = (int)Google.Rpc.Code.FailedPrecondition,
            Message = "下交期限不得少于 9 个工作日（不层层加码）",
            Details = { Any.Pack(new Google.Rpc.PreconditionFailure
            {
                Violations = { new Google.Rpc.PreconditionFailure.Types.Violation { Type = "FIELD", Subject = "working_days", Description = "不得少于 9 个工作日" } },
            }) },
        }.ToRpcException();

        var onA = Submissions(_a).OnceAsync(key, async () =>
        {
            Interlocked.Increment(ref calls);
            await serviceAnswers.Task;
            throw refused;
        });
        await Eventually.UntilAsync(() => CountAsync(db => db.FormClaims.CountAsync()), n => n == 1);
        var onB = Submissions(_b).OnceAsync(key, () =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var waited = !onB.IsCompleted;
        serviceAnswers.SetResult();
        var (fromA, fromB) = (await onA, await onB);
        Func<Task> actAgain = () => throw new InvalidOperationException("acted twice");
        var later = await Submissions(_b).OnceAsync(key, actAgain);

        Assert.True(waited, "the second post answered before the first one's outcome was known");
        Assert.Equal(1, calls);
        Assert.NotNull(fromA);
        Assert.NotNull(fromB);
        Assert.Equal(StatusCode.FailedPrecondition, fromB.Code);
        Assert.Equal(fromA.Message, fromB.Message);
        Assert.Equal("不得少于 9 个工作日", fromB.Fields["working_days"]);
        Assert.Equal(fromA.Fields, fromB.Fields);
        Assert.Equal((fromA.Code, fromA.Message), (later!.Code, later.Message));
        Assert.Equal(fromA.Fields, later.Fields);
    }

    [Fact]
    public async Task An_accepted_post_sends_the_second_post_on_the_other_replica_where_the_first_went()
    {
        var key = FormKey();
        var calls = 0;
        Task<string?> Draft()
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<string?>($"/disclosure/bulletins/{Guid.NewGuid():N}");
        }

        var first = await Submissions(_a).OnceAsync(key, Draft);
        var second = await Submissions(_b).OnceAsync(key, Draft);

        Assert.Equal(1, calls);
        Assert.Null(second.Refusal);
        Assert.StartsWith("/disclosure/bulletins/", second.Next, StringComparison.Ordinal);
        Assert.Equal(first.Next, second.Next);
    }

    [Fact]
    public async Task A_post_that_reached_no_service_leaves_the_form_free_and_the_other_replica_acts()
    {
        var key = FormKey();
        var calls = 0;

        var unreachable = await Assert.ThrowsAsync<RpcException>(() => Submissions(_a).OnceAsync(key, () =>
        {
            Interlocked.Increment(ref calls);
            throw new RpcException(new Status(StatusCode.Unavailable, "cases is down"));
        }));
        var retried = await Submissions(_b).OnceAsync(key, () =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        Assert.Equal(StatusCode.Unavailable, unreachable.StatusCode);
        Assert.Null(retried);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Sessions_and_form_claims_expire_on_every_replica_and_the_sweep_deletes_them()
    {
        using var browser = new ConsoleVisitor();
        await browser.SignInAsync(_a, Jiangsu, "省办值班员");
        var key = FormKey();
        var calls = 0;
        Task Act()
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        }
        await Submissions(_a).OnceAsync(key, Act);
        await Submissions(_b).OnceAsync(key, Act);
        Assert.Equal(1, calls);

        _clock.Advance(FormClaims.Kept + TimeSpan.FromSeconds(1));
        using var sessionStillOnB = await browser.At(_b).GetAsync("/");
        var firstSweep = await Sweeper(_b).SweepAsync(CancellationToken.None);
        var claimsAfterSweep = await CountAsync(db => db.FormClaims.CountAsync());
        // Ten minutes on, the same form is a new submission.
        await Submissions(_b).OnceAsync(key, Act);

        // The dev sign-in's session lasts as its token, twelve hours.
        _clock.Advance(TimeSpan.FromHours(13));
        using var sessionEndedOnA = await browser.At(_a).GetAsync("/");
        var secondSweep = await Sweeper(_a).SweepAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, sessionStillOnB.StatusCode);
        Assert.Equal((0, 1), firstSweep);
        Assert.Equal(0, claimsAfterSweep);
        Assert.Equal(2, calls);
        Assert.Equal(HttpStatusCode.Redirect, sessionEndedOnA.StatusCode);
        Assert.Equal("/signin", Where(sessionEndedOnA).AbsolutePath);
        Assert.Equal((1, 1), secondSweep);
        Assert.Equal(0, await CountAsync(db => db.SessionTickets.CountAsync()));
        Assert.Equal(0, await CountAsync(db => db.FormClaims.CountAsync()));
    }

    /// <summary>Where a redirect sends the browser (the replicas answer with absolute addresses).</summary>
    private static Uri Where(HttpResponseMessage redirect) =>
        new(new Uri("http://replica/"), redirect.Headers.Location ?? throw new Xunit.Sdk.XunitException($"{(int)redirect.StatusCode} is no redirect"));

    private static string FormKey() => $"test-{Guid.NewGuid():N}@{Jiangsu}\ncase-1\nassign\n{Guid.NewGuid():N}";

    private static FormSubmissions Submissions(ConsoleReplica replica) => replica.Services.GetRequiredService<FormSubmissions>();

    private static ConsoleStoreSweeper Sweeper(ConsoleReplica replica) => replica.Services.GetRequiredService<ConsoleStoreSweeper>();

    private async Task<int> CountAsync(Func<WebConsoleDbContext, Task<int>> count)
    {
        await using var scope = _b.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<WebConsoleDbContext>());
    }

    private Ducha.Contracts.Cases.V1.Cases.CasesClient CasesAs(string code)
    {
        var token = TokenIssuer.ForDevelopment().Issue(code, "office", $"replica-test-{code}");
        return new(GrpcChannel.ForAddress(cases.Address).Intercept(m => { m.Add("Authorization", "Bearer " + token); return m; }));
    }
}
