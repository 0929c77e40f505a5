using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.Standalone;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ducha.Identity;

namespace Ducha.Services.Tests;

/// <summary>
/// Past the last holiday notice a deadline is counted provisionally (Monday to Friday), marked so, and counted again
/// once — even with several watches at once — when the operator loads the next notice.
/// </summary>
public sealed class ProvisionalDeadlineTests(StandaloneFixture host) : IClassFixture<StandaloneFixture>
{
    [Fact]
    public async Task The_reference_api_answers_past_the_calendar_provisionally_and_refuses_what_no_calendar_covers()
    {
        var calendar = host.Services.GetRequiredService<WorkingCalendar>();
        var monday = Enumerable.Range(1, 7).Select(i => calendar.LastDate.AddDays(i)).First(d => d.DayOfWeek == DayOfWeek.Monday);

        var day = await host.Http.GetFromJsonAsync<JsonElement>($"/api/calendar/days/{monday:yyyy-MM-dd}");
        var official = await host.Http.GetFromJsonAsync<JsonElement>("/api/calendar/days/2024-10-03");
        var added = await host.Http.GetFromJsonAsync<JsonElement>($"/api/calendar/working-days/add?from={calendar.LastDate.AddDays(-2):yyyy-MM-dd}&days=30");
        var far = await host.Http.GetAsync("/api/calendar/days/9999-12-31");
        var farAdd = await host.Http.GetAsync($"/api/calendar/working-days/add?from={calendar.ProvisionalUntil:yyyy-MM-dd}&days=5");

        Assert.True(day.GetProperty("working").GetBoolean());
        Assert.True(day.GetProperty("provisional").GetBoolean());
        Assert.False(official.GetProperty("provisional").GetBoolean());
        Assert.True(added.GetProperty("provisional").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, farAdd.StatusCode);
        var reference = new Ducha.Contracts.Reference.V1.Reference.ReferenceClient(host.Channel);
        Assert.True((await reference.GetDayAsync(new() { Date = $"{monday:yyyy-MM-dd}" })).Provisional);
        Assert.True((await reference.AddWorkingDaysAsync(new() { From = $"{calendar.LastDate:yyyy-MM-dd}", Days = 3 })).Provisional);
    }

    [Fact]
    public async Task A_deadline_past_the_notice_is_provisional_then_counted_again_once_when_the_next_notice_is_loaded()
    {
        var data = Directory.CreateTempSubdirectory("ducha-provisional-").FullName;
        var full = WorkingCalendar.LoadEmbedded();
        // The service knew the notices only up to the day before the National Day week.
        string caseId;
        await using (var before = await StartAsync(data, full.Until(new DateOnly(2024, 9, 30))))
        {
            var province = Cases(before, "320000");
            var created = await province.CreateCaseAsync(CasesApiTests.ValidCase());
            var assigned = await province.AssignDownAsync(new AssignDownRequest { CaseId = created.Id, ToJurisdictionCode = "320500", WorkingDays = 5 });
            caseId = assigned.Id;

            // The make-up Sunday 29 September and Monday 30, then Monday to Friday: 3 October, which the notice makes a holiday.
            Assert.Equal("2024-10-03", assigned.Deadline);
            Assert.True(assigned.DeadlineProvisional);
            var file = await province.GetCaseFileAsync(new GetCaseFileRequest { Id = caseId });
            Assert.True(Assert.Single(file.Assignments).DeadlineProvisional);
            var assignedEvent = await OutboxAsync(before, "cases.case-assigned");
            Assert.Contains("\"deadlineProvisional\":true", Assert.Single(assignedEvent));
        }

        await using var after = await StartAsync(data, full);
        var watch = after.Services.GetRequiredService<Ducha.Cases.Application.DeadlineWatch>();
        // The watch's first pass at start-up counts it again; two more at once, as two replicas would run them, and one
        // after, find nothing left to do: one history link, one event.
        await Task.WhenAll(watch.SweepAsync(StandaloneFixture.Now, default), watch.SweepAsync(StandaloneFixture.Now, default));
        await watch.SweepAsync(StandaloneFixture.Now, default);

        var city = Cases(after, "320500");
        var recounted = await city.GetCaseAsync(new GetCaseRequest { Id = caseId });
        Assert.Equal("2024-10-10", recounted.Deadline);
        Assert.False(recounted.DeadlineProvisional);
        var history = await city.GetHistoryAsync(new GetHistoryRequest { Id = caseId });
        var link = Assert.Single(history.Transitions, t => t.Action == "RecountDeadline");
        Assert.Contains("2024-10-03 to 2024-10-10", link.Reason);
        var recomputed = Assert.Single(await OutboxAsync(after, "cases.deadline-recomputed"));
        Assert.Contains("\"deadline\":\"2024-10-10\"", recomputed);
        Assert.True((await city.VerifyHistoryAsync(new VerifyHistoryRequest { Id = caseId })).Intact);
    }

    // The outbox keeps its rows either way; a day-long poll only keeps the relay quiet while the test reads them.
    private static Task<StandaloneTestHost> StartAsync(string data, WorkingCalendar calendar) =>
        StandaloneTestHost.StartAsync(StandaloneFixture.Now, ["--EventBus:OutboxPollInterval=1.00:00:00"],
            builder => builder.Services.AddSingleton(calendar), data);

    private static Ducha.Contracts.Cases.V1.Cases.CasesClient Cases(StandaloneTestHost host, string jurisdiction) =>
        new(GrpcChannel.ForAddress(host.Address).Intercept(metadata =>
        {
            metadata.Add("Authorization", "Bearer " + host.Services.GetRequiredService<TokenIssuer>().Issue(jurisdiction, "office", $"test-{jurisdiction}"));
            return metadata;
        }));

    private static async Task<List<string>> OutboxAsync(StandaloneTestHost host, string topic)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Set<Ducha.EventBus.EntityFramework.Outbox.OutboxMessage>()
            .Where(m => m.Topic == topic).Select(m => m.Payload).ToListAsync();
    }
}
