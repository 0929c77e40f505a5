using PollutionType = Ducha.Contracts.Cases.V1.PollutionType;
using Ducha.BuildingBlocks;
using Ducha.Testing;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Grpc.Core;
using CaseEntity = Ducha.Cases.Domain.Case;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class CasesApiTests(StandaloneFixture host)
{
    private Ducha.Contracts.Cases.V1.Cases.CasesClient Cases => new(host.Invoker);

    internal static CreateCaseRequest ValidCase(string jurisdiction = "320505") => new()
    {
        JurisdictionCode = jurisdiction,
        Address = "苏州市虎丘区浒墅关镇某化工厂",
        Coordinates = new Coordinates { Latitude = 31.38, Longitude = 120.47 },
        // A polluter of its own, so one test's case is never taken for a repeat of another's.
        Polluter = $"某化工厂{Guid.NewGuid().ToString("N")[..8]}",
        PollutionType = PollutionType.Air,
        Description = "夜间排放刺鼻气体",
        Channel = Channel.Hotline12369,
    };

    [Fact]
    public async Task A_created_case_is_read_back_as_received()
    {
        var created = await Cases.CreateCaseAsync(ValidCase());

        var read = await Cases.GetCaseAsync(new GetCaseRequest { Id = created.Id });

        Assert.Equal(created, read);
        Assert.Equal(CaseStatus.Received, read.Status);
        Assert.Equal("320505", read.JurisdictionCode);
        Assert.Equal(Channel.Hotline12369, read.Channel);
        Assert.Equal(31.38, read.Coordinates.Latitude);
    }

    [Fact]
    public async Task Repeating_a_create_with_the_same_idempotency_key_returns_the_same_case()
    {
        var request = ValidCase();
        request.IdempotencyKey = Guid.NewGuid().ToString();

        var first = await Cases.CreateCaseAsync(request);
        var before = await host.CountAsync<CasesDbContext, CaseEntity>();
        var second = await Cases.CreateCaseAsync(request);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(before, await host.CountAsync<CasesDbContext, CaseEntity>());
    }

    [Fact]
    public async Task An_idempotency_key_counts_only_for_the_caller_that_sent_it()
    {
        var key = $"ticket-{Guid.NewGuid():N}";
        var wuzhong = ValidCase("320506");
        wuzhong.IdempotencyKey = key;
        var huqiu = ValidCase("320505");
        huqiu.IdempotencyKey = key;

        var theirs = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As("320506")).CreateCaseAsync(wuzhong);
        var ours = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As("320505")).CreateCaseAsync(huqiu);

        Assert.NotEqual(theirs.Id, ours.Id);
        Assert.Equal("320505", ours.JurisdictionCode);
    }

    [Theory]
    [InlineData("jurisdiction_code")]
    [InlineData("address")]
    [InlineData("description")]
    [InlineData("channel")]
    [InlineData("pollution_type")]
    [InlineData("coordinates.latitude")]
    public async Task A_create_with_a_missing_or_invalid_field_is_refused_naming_it_and_stores_nothing(string field)
    {
        var request = ValidCase();
        switch (field)
        {
            case "jurisdiction_code": request.JurisdictionCode = "32050"; break;
            case "address": request.Address = " "; break;
            case "description": request.Description = ""; break;
            case "channel": request.Channel = Channel.Unspecified; break;
            case "pollution_type": request.PollutionType = (PollutionType)99; break;
            case "coordinates.latitude": request.Coordinates.Latitude = 120; break;
        }
        var before = await host.CountAsync<CasesDbContext, CaseEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => Cases.CreateCaseAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
        Assert.Equal(field, error.Trailers.GetValue("ducha-invalid-fields"));
        Assert.Equal(before, await host.CountAsync<CasesDbContext, CaseEntity>());
    }

    [Fact]
    public async Task A_gRPC_caller_can_also_read_the_violations_as_a_google_rpc_BadRequest()
    {
        var request = ValidCase();
        request.Address = "";
        request.Channel = Channel.Unspecified;

        var error = await Assert.ThrowsAsync<RpcException>(() => Cases.CreateCaseAsync(request).ResponseAsync);

        var badRequest = error.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(["address", "channel"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("address,channel", error.Trailers.GetValue("ducha-invalid-fields"));
    }

    [Fact]
    public async Task An_enum_error_lists_the_values_by_their_proto_names()
    {
        var request = ValidCase();
        request.Channel = Channel.Unspecified;

        var error = await Assert.ThrowsAsync<RpcException>(() => Cases.CreateCaseAsync(request).ResponseAsync);

        Assert.Contains("CHANNEL_HOTLINE_12369", error.Status.Detail);
        Assert.DoesNotContain("CHANNEL_UNSPECIFIED", error.Status.Detail);
    }

    [Fact]
    public async Task Asking_for_an_unknown_case_answers_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Cases.GetCaseAsync(new GetCaseRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_received_case_raises_the_disclosure_count_of_its_jurisdiction()
    {
        var disclosure = new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.Invoker);
        const string jurisdiction = "320581"; // 常熟市, used by no other test
        async Task<long> Received() =>
            (await disclosure.GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest { JurisdictionCode = jurisdiction }))
            .Counts.SingleOrDefault()?.Received ?? 0;

        await Cases.CreateCaseAsync(ValidCase(jurisdiction));
        await Cases.CreateCaseAsync(ValidCase(jurisdiction));

        Assert.Equal(2, await Eventually.UntilAsync(Received, n => n >= 2));
    }
}
