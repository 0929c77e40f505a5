using Ducha.BuildingBlocks;
using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application.History;
using Ducha.Secondment.Data;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;

namespace Ducha.Services.Tests.Secondment;

/// <summary>
/// A level's secondment history is a hash chain: links come back in order, each following the one before; a stored row
/// rewritten afterwards is found at its link; a sibling level reads none of it.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class SecondmentHistoryTests(StandaloneFixture host)
{
    // 甘肃省兰州市: no other test writes this level's history.
    private const string Lanzhou = "620100";

    private SecondmentClient As(string code, string role = "office") => new(host.As(code, role));

    [Fact]
    public async Task Links_chain_in_order_and_a_rewritten_row_is_found_at_its_link()
    {
        await AppendAsync(("secondment.seconded", "s-1"), ("evaluation.recorded", "s-1"), ("secondment.ended", "s-1"));

        var history = await As(Lanzhou, "organization").GetHistoryAsync(new GetHistoryRequest { JurisdictionCode = Lanzhou, PageSize = 2 });
        var rest = await As(Lanzhou).GetHistoryAsync(new GetHistoryRequest { JurisdictionCode = Lanzhou, PageToken = history.NextPageToken });
        var links = history.Entries.Concat(rest.Entries).ToList();

        Assert.Equal([1L, 2L, 3L], links.Select(l => l.Sequence));
        Assert.Equal(["secondment.seconded", "evaluation.recorded", "secondment.ended"], links.Select(l => l.Kind));
        Assert.Equal(links[0].Hash, links[1].PreviousHash);
        Assert.Equal(links[1].Hash, links[2].PreviousHash);
        Assert.Equal((true, 3L), ((await VerifyAsync()).Valid, (await VerifyAsync()).Entries));

        await host.ExecuteSqlAsync<SecondmentDbContext>($"UPDATE history_links SET \"SubjectId\" = 's-2' WHERE \"JurisdictionCode\" = {Lanzhou} AND \"Sequence\" = 2");

        var broken = await VerifyAsync();
        Assert.Equal((false, 2L), (broken.Valid, broken.FirstBrokenSequence));
    }

    [Fact]
    public async Task A_sibling_level_and_a_handler_read_no_history_and_a_bad_token_names_the_field()
    {
        var sibling = await Assert.ThrowsAsync<RpcException>(() => As("620200").GetHistoryAsync(new GetHistoryRequest { JurisdictionCode = Lanzhou }).ResponseAsync);
        var handler = await Assert.ThrowsAsync<RpcException>(() => new SecondmentClient(host.AsUnit(Lanzhou, "兰州市生态环境局")).VerifyHistoryAsync(new VerifyHistoryRequest { JurisdictionCode = Lanzhou }).ResponseAsync);
        var token = await Assert.ThrowsAsync<RpcException>(() => As(Lanzhou).GetHistoryAsync(new GetHistoryRequest { JurisdictionCode = Lanzhou, PageToken = "!!" }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.InvalidArgument), (sibling.StatusCode, handler.StatusCode, token.StatusCode));
        Assert.Contains("page_token", token.Status.Detail);
    }

    private Task<HistoryVerification> VerifyAsync() =>
        As(Lanzhou, "discipline").VerifyHistoryAsync(new VerifyHistoryRequest { JurisdictionCode = Lanzhou }).ResponseAsync;

    /// <summary>Links appended as the use cases do, in one unit of work: the second sees the first before either is saved.</summary>
    private async Task AppendAsync(params (string Kind, string Subject)[] links)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<ISecondmentHistory>();
        var actor = new Actor("test-office-620100", Role.Office, Lanzhou, "city");
        foreach (var (kind, subject) in links)
            await history.AppendAsync(Lanzhou, kind, subject, new { kind, subject }, actor, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<SecondmentDbContext>().SaveChangesAsync();
    }
}
