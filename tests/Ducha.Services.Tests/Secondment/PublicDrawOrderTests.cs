using System.Net;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;
using Ducha.EventBus.EntityFramework.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests.Secondment;

/// <summary>
/// The public draw page whatever order the bus brings secondment's events in: a reveal that overtakes its draw is kept,
/// unseen, and the page appears whole — draw time, counts, seed, pairs — once the draw's own event arrives.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class PublicDrawOrderTests(StandaloneFixture host)
{
    private static readonly DateTimeOffset DrawnAt = new(2024, 9, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private async Task<DispatchOutcome> DeliverAsync<TEvent>(TEvent @event) where TEvent : IIntegrationEvent
    {
        var (topic, envelope) = new CloudEventFactory(TimeProvider.System).Create("secondment", @event);
        var subscription = host.Services.GetServices<EventSubscription>().Single(s => s.AppId == "disclosure" && s.Topic == topic);
        return await host.Services.GetRequiredService<EventDispatcher>().DispatchAsync("test", subscription, envelope, null, CancellationToken.None);
    }

    private async Task<(HttpStatusCode Status, string Body)> PageAsync(string file)
    {
        using var response = await host.Http.GetAsync($"/public/draws/{file}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reveal_that_overtakes_its_draw_waits_unseen_and_the_page_appears_whole_with_the_draw()
    {
        var id = Guid.CreateVersion7().ToString();
        var commitment = new string('c', 64);
        var made = new DrawMade(id, "370000", "2024-乱序轮", 1, 1, 2, "ducha-draw-v1", commitment, DrawnAt, null, null);
        var revealed = new DrawRevealed(id, "370000", "2024-乱序轮", new string('5', 64), new string('a', 64), "{\"round\":\"2024-乱序轮\"}", commitment,
            [new RevealedDrawPair("济南某化工有限公司", "370102", "HIGH", 1, [new RevealedInspector("张检", "青岛市生态环境局"), new RevealedInspector("李查", "淄博市生态环境局")], "未发现问题")],
            DrawnAt.AddDays(20));

        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(revealed));
        var beforeDraw = await PageAsync(id);
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(made));
        var page = await PageAsync(id);
        var json = await PageAsync(id + ".json");
        // Published again, late: the draw stays as it is.
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(made with { Targets = 9, DrawnAt = DrawnAt.AddDays(30) }));
        var again = await PageAsync(id + ".json");

        Assert.Equal(HttpStatusCode.NotFound, beforeDraw.Status);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("抽取时间：2024年9月2日", page.Body, StringComparison.Ordinal);
        Assert.Contains("济南某化工有限公司", page.Body, StringComparison.Ordinal);
        Assert.Contains(new string('5', 64), page.Body, StringComparison.Ordinal);
        Assert.Contains("\"targets\":1", json.Body, StringComparison.Ordinal);
        Assert.Contains("\"revealed\":true", json.Body, StringComparison.Ordinal);
        Assert.Equal(json.Body, again.Body);
    }
}
