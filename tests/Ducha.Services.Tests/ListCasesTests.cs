using Ducha.Contracts.Cases.V1;
using Grpc.Core;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class ListCasesTests(StandaloneFixture host) : IAsyncLifetime
{
    private const string Taicang = "320585"; // used by no other test of this host
    private Ducha.Contracts.Cases.V1.Cases.CasesClient As(string jurisdiction) => new(host.As(jurisdiction));

    public async Task InitializeAsync()
    {
        if ((await As(Taicang).ListCasesAsync(new ListCasesRequest())).Total > 0) return;
        foreach (var (channel, type) in new[] { (Channel.Hotline12369, PollutionType.Air), (Channel.Letter, PollutionType.Water), (Channel.Letter, PollutionType.Noise) })
        {
            var request = CasesApiTests.ValidCase(Taicang);
            request.Channel = channel;
            request.PollutionType = type;
            await As(Taicang).CreateCaseAsync(request);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_county_lists_its_cases_page_by_page_newest_first()
    {
        var first = await As(Taicang).ListCasesAsync(new ListCasesRequest { PageSize = 2 });
        var second = await As(Taicang).ListCasesAsync(new ListCasesRequest { PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(3, first.Total);
        Assert.Equal(2, first.Cases.Count);
        Assert.NotEmpty(first.NextPageToken);
        Assert.Single(second.Cases);
        Assert.Empty(second.NextPageToken);
        var all = first.Cases.Concat(second.Cases).ToList();
        Assert.Equal(3, all.Select(c => c.Id).Distinct().Count());
        Assert.True(all[0].ReceivedAt.ToDateTimeOffset() >= all[2].ReceivedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Complaints_received_while_a_clerk_pages_neither_repeat_a_case_nor_hide_one()
    {
        const string Gusu = "320508"; // used by no other test of this host
        var earlier = new List<string>();
        for (var i = 0; i < 5; i++) earlier.Add((await As(Gusu).CreateCaseAsync(CasesApiTests.ValidCase(Gusu))).Id);

        var seen = new List<string>();
        var page = await As(Gusu).ListCasesAsync(new ListCasesRequest { PageSize = 2 });
        seen.AddRange(page.Cases.Select(c => c.Id));
        while (page.NextPageToken.Length > 0)
        {
            // New complaints arrive between pages and go to the top of the list, ahead of what the clerk has seen.
            await As(Gusu).CreateCaseAsync(CasesApiTests.ValidCase(Gusu));
            page = await As(Gusu).ListCasesAsync(new ListCasesRequest { PageSize = 2, PageToken = page.NextPageToken });
            seen.AddRange(page.Cases.Select(c => c.Id));
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(Enumerable.Reverse(earlier), seen);
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var letters = await As(Taicang).ListCasesAsync(new ListCasesRequest { Channel = Channel.Letter });
        var noise = await As(Taicang).ListCasesAsync(new ListCasesRequest { Channel = Channel.Letter, PollutionType = PollutionType.Noise });
        var thatDay = await As(Taicang).ListCasesAsync(new ListCasesRequest { ReceivedFrom = "2024-09-27", ReceivedTo = "2024-09-27" });
        var dayAfter = await As(Taicang).ListCasesAsync(new ListCasesRequest { ReceivedFrom = "2024-09-28" });

        Assert.Equal(2, letters.Total);
        Assert.Equal(1, noise.Total);
        Assert.Equal(3, thatDay.Total);
        Assert.Equal(0, dayAfter.Total);
    }

    [Fact]
    public async Task The_city_sees_its_counties_and_a_sibling_county_sees_nothing_of_them()
    {
        var city = await As("320500").ListCasesAsync(new ListCasesRequest { JurisdictionCode = Taicang });
        var whole = await As("320500").ListCasesAsync(new ListCasesRequest { PageSize = 200 });
        var sibling = await Assert.ThrowsAsync<RpcException>(() =>
            As("320505").ListCasesAsync(new ListCasesRequest { JurisdictionCode = Taicang }).ResponseAsync);

        Assert.Equal(3, city.Total);
        Assert.True(whole.Total >= 3);
        Assert.All(whole.Cases, c => Assert.StartsWith("3205", c.JurisdictionCode));
        Assert.Equal(StatusCode.PermissionDenied, sibling.StatusCode);
    }

    [Fact]
    public async Task Counts_per_jurisdiction_cover_the_subtree_only()
    {
        var county = await As(Taicang).CountCasesAsync(new CountCasesRequest());
        var city = await As("320500").CountCasesAsync(new CountCasesRequest());
        var sibling = await Assert.ThrowsAsync<RpcException>(() =>
            As("320505").CountCasesAsync(new CountCasesRequest { JurisdictionCode = Taicang }).ResponseAsync);

        var taicang = Assert.Single(county.Counts);
        Assert.Equal(Taicang, taicang.JurisdictionCode);
        Assert.Equal(3, taicang.Total);
        Assert.Equal(3, taicang.Received);
        Assert.Contains(city.Counts, c => c.JurisdictionCode == Taicang && c.Total == 3);
        Assert.All(city.Counts, c => Assert.StartsWith("3205", c.JurisdictionCode));
        Assert.Equal(StatusCode.PermissionDenied, sibling.StatusCode);
    }

    [Theory]
    [InlineData("page_size")]
    [InlineData("received_from")]
    [InlineData("page_token")]
    public async Task Bad_paging_or_dates_are_refused_naming_the_field(string field)
    {
        var request = new ListCasesRequest();
        switch (field)
        {
            case "page_size": request.PageSize = 500; break;
            case "received_from": request.ReceivedFrom = "27/09/2024"; break;
            case "page_token": request.PageToken = "abc"; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => As(Taicang).ListCasesAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
    }
}
