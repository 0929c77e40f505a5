using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Contracts.Assessment.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using AssessmentClient = Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient;
using SchemeEntity = Ducha.Assessment.Domain.Schemes.Scheme;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// Schemes (考核方案) over gRPC: drafted from the example or from content of one's own, revised as drafts, put in force one
/// per year and superseded by a later year, copied down a level; written only by their own level, read up and down it.
/// Yunnan (53xxxx) is used by no other test of this host.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class SchemeTests(StandaloneFixture host)
{
    private const string Yunnan = "530000", Kunming = "530100", Wuhua = "530102", Panlong = "530103", Qujing = "530300", Qilin = "530302";

    private AssessmentClient As(string jurisdiction, string role = "office") => new(host.As(jurisdiction, role));

    private static async Task<RpcException> Refused(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    [Fact]
    public async Task A_scheme_drafted_from_the_example_reads_back_with_the_eleven_programmes_marked_example()
    {
        var created = await As(Yunnan).CreateSchemeAsync(SchemeTestData.Example(Yunnan, 2025, Audience.Departments));

        var read = await As(Yunnan).GetSchemeAsync(new GetSchemeRequest { Id = created.Id });

        Assert.Equal(created, read);
        Assert.Equal((SchemeState.Draft, 1, Yunnan, 2025, Audience.Departments), (read.State, read.Revision, read.JurisdictionCode, read.Year, read.Audience));
        Assert.Null(read.InForceAt);
        Assert.True(read.Content.Example);
        Assert.Contains("示例方案", read.Content.Title);
        Assert.Equal(["减少煤炭消费总量", "减少落后化工产能", "治理太湖水环境", "治理生活垃圾", "治理黑臭水体", "治理畜禽养殖污染", "治理挥发性有机物污染", "治理环境隐患",
            "提升生态保护水平", "提升环境经济政策调控水平", "提升环境执法监管能力"], read.Content.Programmes.Select(p => p.Name));
        // The total is the special points less deductions, so the weights carry all 100 points the bands are reached by.
        Assert.Equal(100, read.Content.Programmes.Sum(p => p.Weight), 6);
        Assert.Equal((90.0, 80.0, 60.0), (read.Content.Bands[0].MinTotal, read.Content.Bands[1].MinTotal, read.Content.Bands[2].MinTotal));
        Assert.Equal(5, read.Content.DeductionRules.Select(r => r.Kind).Distinct().Count());
        var pm25 = read.Content.Programmes.SelectMany(p => p.Indicators).Single(i => i.Code == "pm25");
        Assert.Equal((TargetForm.PercentChange, -25.0, 2015, Direction.LowerIsBetter, "μg/m³"), (pm25.TargetForm, pm25.Target, pm25.BaselineYear, pm25.Direction, pm25.Unit));
        var coal = read.Content.Programmes.SelectMany(p => p.Indicators).Single(i => i.Code == "coal-consumption");
        Assert.Equal((TargetForm.AmountChange, -760.0, "万吨"), (coal.TargetForm, coal.Target, coal.Unit));
        Assert.All(read.Content.Programmes.SelectMany(p => p.Indicators).Where(i => i.Kind != IndicatorKind.EnvironmentalQuality), i => Assert.Equal("%", i.Unit));
    }

    [Fact]
    public async Task An_assessor_drafts_a_scheme_of_its_own_content_and_it_reads_back_as_written()
    {
        var request = SchemeTestData.Own(Kunming, 2025, title: "昆明市测试方案");

        var created = await As(Kunming, "assessor").CreateSchemeAsync(request);
        var read = await As(Kunming).GetSchemeAsync(new GetSchemeRequest { Id = created.Id });

        Assert.Equal(request.Content, read.Content);
        Assert.False(read.Content.Example);
        Assert.Equal(60, read.Content.Programmes[0].Indicators[0].BaselineValue);
        Assert.False(read.Content.Programmes[0].Indicators[1].HasBaselineValue);
    }

    [Fact]
    public async Task A_draft_is_revised_from_its_revision_and_a_revision_from_a_stale_one_is_refused()
    {
        var draft = await As(Qujing).CreateSchemeAsync(SchemeTestData.Own(Qujing, 2025));

        var revised = await As(Qujing, "assessor").ReviseSchemeAsync(new ReviseSchemeRequest { Id = draft.Id, Revision = 1, Content = SchemeTestData.Content("曲靖市方案第二稿") });
        var stale = await Refused(() => As(Qujing).ReviseSchemeAsync(new ReviseSchemeRequest { Id = draft.Id, Revision = 1, Content = SchemeTestData.Content("另一稿") }).ResponseAsync);

        Assert.Equal((2, "曲靖市方案第二稿"), (revised.Revision, revised.Content.Title));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(revised, await As(Qujing).GetSchemeAsync(new GetSchemeRequest { Id = draft.Id }));
    }

    [Fact]
    public async Task A_scheme_in_force_cannot_be_revised_and_stays_as_it_was_put_in_force()
    {
        var draft = await As(Qujing).CreateSchemeAsync(SchemeTestData.Own(Qujing, 2024, Audience.Departments));

        var inForce = await As(Qujing).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = draft.Id });
        var refused = await Refused(() => As(Qujing).ReviseSchemeAsync(new ReviseSchemeRequest { Id = draft.Id, Revision = 1, Content = SchemeTestData.Content("改") }).ResponseAsync);
        var again = await Refused(() => As(Qujing).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = draft.Id }).ResponseAsync);

        Assert.Equal(SchemeState.InForce, inForce.State);
        Assert.NotNull(inForce.InForceAt);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("in force and cannot be changed", refused.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal(inForce, await As(Qujing).GetSchemeAsync(new GetSchemeRequest { Id = draft.Id }));
    }

    [Fact]
    public async Task A_second_scheme_in_force_for_the_same_year_and_audience_is_refused()
    {
        var first = await As(Qilin).CreateSchemeAsync(SchemeTestData.Own(Qilin, 2025));
        var second = await As(Qilin).CreateSchemeAsync(SchemeTestData.Own(Qilin, 2025, title: "另一方案"));
        var otherAudience = await As(Qilin).CreateSchemeAsync(SchemeTestData.Own(Qilin, 2025, Audience.Departments));
        await As(Qilin).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = first.Id });

        var refused = await Refused(() => As(Qilin).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = second.Id }).ResponseAsync);
        var departments = await As(Qilin).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = otherAudience.Id });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains(first.Id, refused.Status.Detail);
        Assert.Equal(SchemeState.Draft, (await As(Qilin).GetSchemeAsync(new GetSchemeRequest { Id = second.Id })).State);
        Assert.Equal(SchemeState.InForce, departments.State);
    }

    [Fact]
    public async Task A_later_year_in_force_supersedes_the_earlier_which_still_governs_its_own_years()
    {
        var y2025 = await As(Panlong).CreateSchemeAsync(SchemeTestData.Own(Panlong, 2025));
        var y2027 = await As(Panlong).CreateSchemeAsync(SchemeTestData.Own(Panlong, 2027));
        var y2026 = await As(Panlong).CreateSchemeAsync(SchemeTestData.Own(Panlong, 2026));
        await As(Panlong).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = y2025.Id });

        var later = await As(Panlong).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = y2027.Id });
        var earlier = await As(Panlong).GetSchemeAsync(new GetSchemeRequest { Id = y2025.Id });
        var between = await Refused(() => As(Panlong).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = y2026.Id }).ResponseAsync);

        Assert.Equal((SchemeState.InForce, ""), (later.State, later.SupersededBySchemeId));
        Assert.Equal((SchemeState.Superseded, y2027.Id), (earlier.State, earlier.SupersededBySchemeId));
        Assert.Equal(StatusCode.FailedPrecondition, between.StatusCode);
        Assert.Contains("later year", between.Status.Detail);
        await using var scope = host.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<ISchemeSource>();
        var governing = new List<string?>();
        foreach (var year in new[] { 2024, 2025, 2026, 2027, 2030 })
            governing.Add((await source.InForceAsync(Panlong, Ducha.Assessment.Domain.Schemes.Audience.Subordinates, year, CancellationToken.None))?.SchemeId);
        Assert.Equal([null, y2025.Id, y2025.Id, y2027.Id, y2027.Id], governing);
        Assert.Null(await source.InForceAsync(Panlong, Ducha.Assessment.Domain.Schemes.Audience.Departments, 2027, CancellationToken.None));
    }

    [Fact]
    public async Task A_city_copies_the_province_scheme_for_its_counties_and_a_county_lists_both_latest_year_first()
    {
        var province = await As(Yunnan).CreateSchemeAsync(SchemeTestData.Example(Yunnan, 2026));
        await As(Yunnan).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = province.Id });

        var copy = await As(Kunming).CopySchemeAsync(new CopySchemeRequest
        {
            Id = province.Id, JurisdictionCode = Kunming, Year = 2026, Audience = Audience.Subordinates, IdempotencyKey = "copy-kunming-2026",
        });
        var retried = await As(Kunming).CopySchemeAsync(new CopySchemeRequest
        {
            Id = province.Id, JurisdictionCode = Kunming, Year = 2026, Audience = Audience.Subordinates, IdempotencyKey = "copy-kunming-2026",
        });
        var forDepartments = await As(Yunnan, "assessor").CopySchemeAsync(new CopySchemeRequest
        {
            Id = province.Id, JurisdictionCode = Yunnan, Year = 2027, Audience = Audience.Departments,
        });

        Assert.Equal((Kunming, SchemeState.Draft, province.Id, 1), (copy.JurisdictionCode, copy.State, copy.CopiedFromSchemeId, copy.Revision));
        Assert.Equal(province.Content, copy.Content);
        Assert.True(copy.Content.Example);
        Assert.Equal(copy, retried);
        Assert.Equal((Yunnan, Audience.Departments, 2027), (forDepartments.JurisdictionCode, forDepartments.Audience, forDepartments.Year));

        // The county reads what assesses it — the city's and the province's — never a sibling city's.
        var first = await As(Wuhua).ListSchemesAsync(new ListSchemesRequest { JurisdictionCode = Wuhua, PageSize = 2 });
        var all = new List<Scheme>(first.Schemes);
        for (var token = first.NextPageToken; token.Length > 0;)
        {
            var page = await As(Wuhua).ListSchemesAsync(new ListSchemesRequest { JurisdictionCode = Wuhua, PageSize = 2, PageToken = token });
            all.AddRange(page.Schemes);
            token = page.NextPageToken;
        }
        Assert.Contains(all, s => s.Id == copy.Id);
        Assert.Contains(all, s => s.Id == province.Id);
        Assert.Equal(all.Select(s => s.Id).Distinct().Count(), all.Count);
        Assert.All(all, s => Assert.Contains(s.JurisdictionCode, new[] { Wuhua, Kunming, Yunnan }));
        Assert.Equal(all.OrderByDescending(s => s.Year).Select(s => s.Year), all.Select(s => s.Year));
        Assert.Contains(all, s => s.Id == forDepartments.Id);
    }

    [Fact]
    public async Task A_county_reads_its_city_scheme_but_cannot_write_it_and_a_sibling_city_cannot_read_it()
    {
        var city = await As(Kunming).CreateSchemeAsync(SchemeTestData.Own(Kunming, 2028));
        var province = await As(Yunnan).CreateSchemeAsync(SchemeTestData.Own(Yunnan, 2028));

        var read = await As(Wuhua).GetSchemeAsync(new GetSchemeRequest { Id = city.Id });
        var readByUnit = await new AssessmentClient(host.AsUnit(Wuhua, "五华区生态环境局")).GetSchemeAsync(new GetSchemeRequest { Id = province.Id });
        var revise = await Refused(() => As(Wuhua).ReviseSchemeAsync(new ReviseSchemeRequest { Id = city.Id, Revision = 1, Content = SchemeTestData.Content("县改") }).ResponseAsync);
        var putInForce = await Refused(() => As(Wuhua, "assessor").PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = city.Id }).ResponseAsync);
        var copyAsCity = await Refused(() => As(Wuhua).CopySchemeAsync(new CopySchemeRequest
        {
            Id = city.Id, JurisdictionCode = Kunming, Year = 2028, Audience = Audience.Subordinates,
        }).ResponseAsync);
        var cityWritesProvince = await Refused(() => As(Kunming).ReviseSchemeAsync(new ReviseSchemeRequest { Id = province.Id, Revision = 1, Content = SchemeTestData.Content("市改") }).ResponseAsync);
        var provinceWritesCity = await Refused(() => As(Yunnan).PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = city.Id }).ResponseAsync);
        var sibling = await Refused(() => As(Qujing).GetSchemeAsync(new GetSchemeRequest { Id = city.Id }).ResponseAsync);
        var siblingList = await Refused(() => As(Qujing).ListSchemesAsync(new ListSchemesRequest { JurisdictionCode = Wuhua }).ResponseAsync);
        var handler = await Refused(() => new AssessmentClient(host.AsUnit(Kunming, "昆明市生态环境局")).CreateSchemeAsync(SchemeTestData.Own(Kunming, 2028)).ResponseAsync);

        Assert.Equal(city, read);
        Assert.Equal(province.Id, readByUnit.Id);
        Assert.All(new[] { revise, putInForce, copyAsCity, cityWritesProvince, provinceWritesCity, sibling, siblingList, handler },
            e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(city, await As(Kunming).GetSchemeAsync(new GetSchemeRequest { Id = city.Id }));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "content.title", "" },
        { "content.programmes[1].code", "duplicate code" },
        { "content.programmes[0].indicators[1].code", "bad code" },
        { "content.programmes[0].weight", "negative weight" },
        { "content.programmes[0].indicators[0].points", "zero points" },
        { "content.programmes[0].indicators[1].kind", "undefined kind" },
        { "content.programmes[1].indicators[0].unit", "cases kind not in %" },
        { "content.programmes[0].indicators[0].baseline_year", "baseline in the scheme's year" },
        { "content.programmes[0].indicators[0].target", "NaN target" },
        { "content.programmes[1].indicators", "no indicators" },
        { "content.deduction_rules[1].kind", "two rules of a kind" },
        { "content.deduction_rules[0].cap", "negative cap" },
        { "content.bands[1].min_total", "bands not descending" },
        { "content.bands[2].rating", "a band for 不合格" },
        { "content.ranking_order", "unspecified order" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_content_is_refused_naming_its_place_and_nothing_is_stored(string field, string what)
    {
        var request = SchemeTestData.Own(Kunming, 2025);
        var c = request.Content;
        switch (what)
        {
            case "": c.Title = " "; break;
            case "duplicate code": c.Programmes[1].Code = "air"; break;
            case "bad code": c.Programmes[0].Indicators[1].Code = "Good_Air"; break;
            case "negative weight": c.Programmes[0].Weight = -1; break;
            case "zero points": c.Programmes[0].Indicators[0].Points = 0; break;
            case "undefined kind": c.Programmes[0].Indicators[1].Kind = (IndicatorKind)99; break;
            case "cases kind not in %": c.Programmes[1].Indicators[0].Unit = "件"; break;
            case "baseline in the scheme's year": c.Programmes[0].Indicators[0].BaselineYear = 2025; break;
            case "NaN target": c.Programmes[0].Indicators[0].Target = double.NaN; break;
            case "no indicators": c.Programmes[1].Indicators.Clear(); break;
            case "two rules of a kind": c.DeductionRules[1].Kind = DeductionKind.Lateness; break;
            case "negative cap": c.DeductionRules[0].Cap = -5; break;
            case "bands not descending": c.Bands[1].MinTotal = 95; break;
            case "a band for 不合格": c.Bands[2].Rating = Rating.Fail; break;
            case "unspecified order": c.RankingOrder = RankingOrder.Unspecified; break;
        }
        var before = await host.CountAsync<AssessmentDbContext, SchemeEntity>();

        var created = await Refused(() => As(Kunming).CreateSchemeAsync(request).ResponseAsync);
        var draft = await As(Kunming).CreateSchemeAsync(SchemeTestData.Own(Kunming, 2025));
        var revised = await Refused(() => As(Kunming).ReviseSchemeAsync(new ReviseSchemeRequest { Id = draft.Id, Revision = 1, Content = c }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, created.StatusCode);
        Assert.Contains(field, (created.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer) ?? "").Split(','));
        Assert.Contains(field + ":", created.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, revised.StatusCode);
        Assert.Contains(field + ":", revised.Status.Detail);
        Assert.Equal(before + 1, await host.CountAsync<AssessmentDbContext, SchemeEntity>());
        Assert.Equal(draft, await As(Kunming).GetSchemeAsync(new GetSchemeRequest { Id = draft.Id }));
    }

    [Fact]
    public async Task A_request_without_content_or_with_both_content_and_the_example_is_refused()
    {
        var none = SchemeTestData.Own(Kunming, 2025);
        none.Content = null;
        var both = SchemeTestData.Own(Kunming, 2025);
        both.FromExample = true;

        var withoutContent = await Refused(() => As(Kunming).CreateSchemeAsync(none).ResponseAsync);
        var withBoth = await Refused(() => As(Kunming).CreateSchemeAsync(both).ResponseAsync);
        var badYear = await Refused(() => As(Kunming).CreateSchemeAsync(SchemeTestData.Example(Kunming, 2016)).ResponseAsync);

        Assert.Equal("content", withoutContent.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer));
        Assert.Equal("content", withBoth.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer));
        Assert.Equal("year", badYear.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer));
    }
}
