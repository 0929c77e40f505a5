using Ducha.Cases.Data;
using Ducha.Contracts.Assessment.V1;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Exposure.V1;
using Ducha.EventBus;
using Ducha.EventBus.EntityFramework.Inbox;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Exposure.Application;
using Ducha.Exposure.Data;
using CadreRank = Ducha.Contracts.Cases.V1.CadreRank;
using Sanction = Ducha.Contracts.Cases.V1.Sanction;
using Microsoft.Extensions.DependencyInjection;
using AssessmentClient = Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using ExposureClient = Ducha.Contracts.Exposure.V1.Exposure.ExposureClient;

namespace Ducha.Services.Tests;

/// <summary>
/// Cases and airings of a city of 四川省 walked to what costs points in the assessment — a province no other test files
/// cases in, and a city of its own per test class, so the deductions it lists are the test's own — and the assessment
/// API polled until the events are in.
/// </summary>
/// <param name="city">A city of 四川省 (510100 成都市, 510300 自贡市 …).</param>
/// <param name="county">A county of <paramref name="city"/>; its environment bureau is <see cref="Unit"/>.</param>
public sealed class FactSteps(StandaloneFixture host, string city, string county, string countyName)
{
    public const string Province = "510000";
    /// <summary>The day assessment counts in: the host's clock is in 2024.</summary>
    public const int Year = 2024;

    public string City => city;
    public string County => county;
    public string Unit => countyName + "生态环境局";

    public CasesClient ProvinceOffice => new(host.As(Province));
    public CasesClient CityOffice => new(host.As(city));
    public CasesClient CountyOffice => new(host.As(county));
    public CasesClient Handler => new(host.AsUnit(county, Unit));
    public AssessmentClient Assessment(string jurisdiction, string role = "office") => new(host.As(jurisdiction, role));

    public CreateCaseRequest Complaint(string? polluter = null) => new()
    {
        JurisdictionCode = county,
        Address = countyName + "某街道某工业园",
        Polluter = polluter ?? UniqueName.Of($"{countyName}某化工有限公司", 20),
        PollutionType = Ducha.Contracts.Cases.V1.PollutionType.Water,
        Description = "企业夜间通过暗管向河道排放废水",
        Channel = Ducha.Contracts.Cases.V1.Channel.Hotline12369,
    };

    /// <summary>Received by the province, assigned to the city, the county and the county's environment bureau.</summary>
    public async Task<Case> AtUnitAsync(CreateCaseRequest? request = null)
    {
        var received = await ProvinceOffice.CreateCaseAsync(request ?? Complaint());
        await ProvinceOffice.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = city, WorkingDays = 10 });
        await CityOffice.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = county, WorkingDays = 9 });
        return await CountyOffice.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, HandlingUnit = Unit, WorkingDays = 8 });
    }

    /// <summary>Received by the city itself (which has no deadline of its own), and assigned to the county office.</summary>
    public async Task<Case> CityToCountyAsync(CreateCaseRequest? complaint = null)
    {
        var received = await CityOffice.CreateCaseAsync(complaint ?? Complaint());
        return await CityOffice.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = county, WorkingDays = 10 });
    }

    /// <summary>
    /// 问责 on a case the city received and the county's bureau handled, recorded once the city verified it, then closed:
    /// one person per <paramref name="people"/> entry, exempted under 容错 with its reason when it has one.
    /// </summary>
    public Task<Case> HeldAccountableAsync(params (CadreRank Rank, Sanction Sanction, string? ToleranceReason)[] people) =>
        HeldAccountableAsync(Complaint(), people);

    public async Task<Case> HeldAccountableAsync(CreateCaseRequest complaint, params (CadreRank Rank, Sanction Sanction, string? ToleranceReason)[] people)
    {
        var atCounty = await CityToCountyAsync(complaint);
        await CountyOffice.AssignDownAsync(new AssignDownRequest { CaseId = atCounty.Id, HandlingUnit = Unit, WorkingDays = 9 });
        await Handler.ReportHandlingAsync(Findings(atCounty.Id));
        foreach (var office in new[] { CountyOffice, CityOffice })
            await office.VerifyReportAsync(new VerifyReportRequest { CaseId = atCounty.Id, Accept = true });
        var request = new RecordAccountabilityRequest { CaseId = atCounty.Id };
        request.People.AddRange(people.Select((p, i) => new AccountablePerson
        {
            Name = $"责任人{i + 1}", Position = countyName + "某街道环保办", Rank = p.Rank, Sanction = p.Sanction,
            FaultTolerated = p.ToleranceReason is not null, FaultToleranceReason = p.ToleranceReason ?? "",
        }));
        await CityOffice.RecordAccountabilityAsync(request);
        return await CloseAsync(CityOffice, atCounty.Id);
    }

    public static ReportHandlingRequest Findings(string caseId) => new()
    {
        CaseId = caseId,
        Findings = "经现场核查，该企业雨水排口夜间排放生产废水属实。",
        Result = "责令立即封堵暗管，处罚款二十万元，已完成整改。",
        RectifiedNow = true,
    };

    /// <summary>Reported by the unit and accepted by the county, the city and the province.</summary>
    public async Task VerifyAllAsync(string caseId)
    {
        foreach (var office in new[] { CountyOffice, CityOffice, ProvinceOffice })
            await office.VerifyReportAsync(new VerifyReportRequest { CaseId = caseId, Accept = true });
    }

    public static Task<Case> CloseAsync(CasesClient origin, string caseId) => origin.CloseCaseAsync(new CloseCaseRequest
    {
        CaseId = caseId, Attestations = CaseSteps.AllFour, CallbackResult = CallbackResult.Satisfied,
    }).ResponseAsync;

    /// <summary>Assigned to the county, returned, assigned again and returned again: 推诿扯皮. The city holds it, with no deadline.</summary>
    public async Task<Case> BouncedAsync()
    {
        var atCounty = await CityToCountyAsync();
        await CountyOffice.ReturnCaseAsync(new ReturnCaseRequest { CaseId = atCounty.Id, Reason = "污染源不在本区" });
        await CityOffice.AssignDownAsync(new AssignDownRequest { CaseId = atCounty.Id, ToJurisdictionCode = county, WorkingDays = 10 });
        return await CountyOffice.ReturnCaseAsync(new ReturnCaseRequest { CaseId = atCounty.Id, Reason = "仍不属本区职责" });
    }

    /// <summary>A problem in the county aired on the province's column: the city owes its follow-up and holds its case.</summary>
    public async Task<ExposureProblem> AiredAsync(DateTimeOffset airedAt)
    {
        var province = new ExposureClient(host.As(Province));
        var outlet = await province.CreateMediaOutletAsync(new CreateMediaOutletRequest
        {
            JurisdictionCode = Province, Name = UniqueName.Of("四川电视台", 12), Kind = MediaKind.Tv, WeeklyQuota = 3,
        });
        var column = await province.CreateColumnAsync(new CreateColumnRequest { MediaOutletId = outlet.Id, Name = "263在行动" });
        var proposal = ExposureTestData.Problem(column, county);
        proposal.Polluter = UniqueName.Of($"{countyName}某印染有限公司", 20);
        var problem = await province.ProposeExposureAsync(proposal);
        var day = airedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await ExposureTestData.AirAsync(host.As(Province), column, day, airedAt, problem);
        return await ExposureTestData.WithCaseAsync(host, host.As(Province), problem.Id);
    }

    /// <summary>The deadline watch and the follow-up watch as of <paramref name="moment"/>.</summary>
    public async Task SweepAsync(DateTimeOffset moment)
    {
        await host.DeadlineWatch.SweepAsync(moment, CancellationToken.None);
        await host.Services.GetRequiredService<FollowUpWatch>().SweepAsync(moment, CancellationToken.None);
    }

    /// <summary>Every deduction charged within <paramref name="jurisdiction"/> in <see cref="Year"/>, page by page.</summary>
    public async Task<List<Deduction>> DeductionsAsync(string jurisdiction, string department = "", int pageSize = 2)
    {
        var all = new List<Deduction>();
        var token = "";
        do
        {
            var page = await Assessment(jurisdiction).ListDeductionsAsync(new ListDeductionsRequest
            {
                JurisdictionCode = jurisdiction, Year = Year, Department = department, PageSize = pageSize, PageToken = token,
            });
            all.AddRange(page.Deductions);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    /// <summary>The deductions once <paramref name="settled"/> holds of them, or the last ones seen.</summary>
    public Task<List<Deduction>> DeductionsWhenAsync(string jurisdiction, Func<List<Deduction>, bool> settled) =>
        Ducha.Testing.Eventually.UntilAsync(() => DeductionsAsync(jurisdiction), settled, TimeSpan.FromSeconds(30));

    /// <summary>
    /// Every event Cases and Exposure published naming one of <paramref name="ids"/> (cases or aired problems), delivered
    /// to assessment's subscriptions again: once as it was, once as if published again under a new id. The outcomes, in order.
    /// </summary>
    public async Task<List<DispatchOutcome>> DeliverAgainAsync(params string[] ids)
    {
        var payloads = new List<(string Topic, string Payload)>();
        foreach (var id in ids)
        {
            payloads.AddRange(await host.QueryAsync<CasesDbContext, (string, string)>(db =>
                db.Set<OutboxMessage>().Where(m => m.Payload.Contains(id)).OrderBy(m => m.Sequence).Select(m => ValueTuple.Create(m.Topic, m.Payload))));
            payloads.AddRange(await host.QueryAsync<ExposureDbContext, (string, string)>(db =>
                db.Set<OutboxMessage>().Where(m => m.Payload.Contains(id)).OrderBy(m => m.Sequence).Select(m => ValueTuple.Create(m.Topic, m.Payload))));
        }
        var dispatcher = host.Services.GetRequiredService<EventDispatcher>();
        var subscriptions = host.Services.GetServices<EventSubscription>().Where(s => s.AppId == "assessment").ToLookup(s => s.Topic);
        var outcomes = new List<DispatchOutcome>();
        foreach (var (topic, payload) in payloads.Distinct())
        {
            var envelope = CloudEventEnvelope.Parse(payload);
            foreach (var subscription in subscriptions[topic])
            {
                outcomes.Add(await dispatcher.DispatchAsync("test", subscription, envelope, null, CancellationToken.None));
                outcomes.Add(await dispatcher.DispatchAsync("test", subscription, envelope with { Id = Guid.NewGuid().ToString() }, null, CancellationToken.None));
            }
        }
        return outcomes;
    }
}
