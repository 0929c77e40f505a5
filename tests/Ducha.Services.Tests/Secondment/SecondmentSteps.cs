using System.Text.Json;
using Ducha.Contracts.Secondment.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Secondment.Data;
using Grpc.Core;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;
using UnitsClient = Ducha.Contracts.Cases.V1.Units.UnitsClient;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// A host of its own for secondments, its clock at 10:00 on Friday 1 March 2024 so the terms' days are known: Suzhou
/// (320500) seconds cadres of 虎丘区 (320505) and 吴中区 (320506) to its inspection.
/// </summary>
public sealed class SecondmentFixture : StandaloneFixture
{
    public static readonly DateTimeOffset March1 = new(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    protected override DateTimeOffset Start => March1;
}

/// <summary>The calls the secondment tests make, as the people who make them.</summary>
public sealed class SecondmentSteps(StandaloneFixture host)
{
    public const string City = "320500", Huqiu = "320505", Wuzhong = "320506";
    public const string Housing = "虎丘区住建局", WuzhongEcology = "吴中区生态环境局";

    public SecondmentClient As(string code, string role = "organization") => new(host.As(code, role));
    public SecondmentClient CityOrganization => As(City);

    /// <summary>The office of 虎丘区 registers 住建局 in its unit register, once whatever test comes first.</summary>
    public async Task RegisterHousingBureauAsync()
    {
        try
        {
            await new UnitsClient(host.As(Huqiu)).RegisterUnitAsync(new Ducha.Contracts.Cases.V1.RegisterUnitRequest { JurisdictionCode = Huqiu, Name = Housing });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition) { }
    }

    public async Task<Cadre> CadreAsync(string name, string code = Wuzhong, string unit = WuzhongEcology, string? subject = null) =>
        await CityOrganization.CreateCadreAsync(new CreateCadreRequest
        {
            JurisdictionCode = code, Name = name, HomeUnit = unit, Rank = CadreRank.Section, Specialities = { "水" },
            Subject = subject ?? $"cadre-{Guid.NewGuid():N}",
        });

    public static SecondRequest Term(Cadre cadre, string start, string end, string post = "信访督办组") => new()
    {
        CadreId = cadre.Id, JurisdictionCode = City, Post = PostKind.InspectionTeam, PostName = post, StartDate = start, EndDate = end,
    };

    public Task<SecondmentTerm> SecondAsync(Cadre cadre, string start, string end) => CityOrganization.SecondAsync(Term(cadre, start, end)).ResponseAsync;

    /// <summary>The data of the events on <paramref name="topic"/> the service published about one secondment.</summary>
    public async Task<List<JsonElement>> EventsAsync(string topic, string secondmentId)
    {
        var payloads = await host.QueryAsync<SecondmentDbContext, string>(db => db.Set<OutboxMessage>().Where(m => m.Topic == topic).Select(m => m.Payload));
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("data").Clone())
            .Where(d => d.GetProperty("secondmentId").GetString() == secondmentId)];
    }

    /// <summary>The kinds of the city's history links about <paramref name="subjectId"/>, in chain order, and whether the chain verifies.</summary>
    public async Task<(List<string> Kinds, bool Valid)> HistoryAsync(string subjectId)
    {
        var history = await CityOrganization.GetHistoryAsync(new GetHistoryRequest { JurisdictionCode = City, PageSize = 500 });
        var verified = await CityOrganization.VerifyHistoryAsync(new VerifyHistoryRequest { JurisdictionCode = City });
        return ([.. history.Entries.Where(e => e.SubjectId == subjectId).OrderBy(e => e.Sequence).Select(e => e.Kind)], verified.Valid);
    }

    public static async Task<RpcException> RefusedAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
}
