using System.Net;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using UnitsClient = Ducha.Contracts.Cases.V1.Units.UnitsClient;

namespace Ducha.Services.Tests;

/// <summary>The register of handling units: the standard departments of every level, what each office adds and retires, and who may use it.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class UnitRegisterTests(StandaloneFixture host)
{
    private const string Suzhou = "320500";
    private const string Huqiu = "320505";
    private const string Wuzhong = "320506";

    private UnitsClient Units(string jurisdiction, string role = "office") => new(host.As(jurisdiction, role));
    private CasesClient Cases(string jurisdiction) => new(host.As(jurisdiction));
    private CasesClient Handler(string unit) => new(host.AsUnit(Huqiu, unit));

    /// <summary>A unit name no other test registers.</summary>
    private static string NewName(string kind) => $"虎丘区{kind}{Guid.NewGuid().ToString("N")[..6]}";

    private async Task<Case> AtUnitAsync(string unit)
    {
        var received = await Cases(Huqiu).CreateCaseAsync(CasesApiTests.ValidCase(Huqiu));
        return await Cases(Huqiu).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, HandlingUnit = unit, WorkingDays = 5 });
    }

    private async Task<List<HandlingUnit>> ListAsync(string jurisdiction, bool includeRetired = false) =>
        [.. (await Units(jurisdiction).ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = jurisdiction, IncludeRetired = includeRetired })).Units];

    [Fact]
    public async Task Every_level_starts_with_the_standard_departments_named_after_it()
    {
        var huqiu = await ListAsync(Huqiu);
        var suzhou = await ListAsync(Suzhou);
        var jiangsu = await ListAsync("320000");
        var readByHandler = await new UnitsClient(host.AsUnit(Huqiu, CaseSteps.Unit)).ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = Huqiu });

        var bureau = Assert.Single(huqiu, u => u.Name == "虎丘区生态环境局");
        Assert.Equal(UnitSource.Template, bureau.Source);
        Assert.True(bureau.Active);
        Assert.Null(bureau.RegisteredAt);
        Assert.Contains(huqiu, u => u.Name == "虎丘区住房和城乡建设局");
        Assert.Contains(huqiu, u => u.Name == "虎丘区城市管理局");
        Assert.True(huqiu.Count(u => u.Source == UnitSource.Template) >= 10);
        Assert.All(huqiu, u => Assert.Equal(Huqiu, u.JurisdictionCode));
        Assert.Contains(suzhou, u => u.Name == "苏州市生态环境局");
        Assert.Contains(jiangsu, u => u.Name == "江苏省生态环境厅");
        Assert.Contains(readByHandler.Units, u => u.Name == CaseSteps.Unit);
    }

    [Fact]
    public async Task The_county_office_registers_a_township_government_and_assigns_it_a_case()
    {
        const string township = "浒墅关镇人民政府";

        var registered = await Units(Huqiu).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = Huqiu, Name = township });
        var atTownship = await AtUnitAsync(township);
        var readByTownship = await Handler(township).GetCaseAsync(new GetCaseRequest { Id = atTownship.Id });
        var twice = await Assert.ThrowsAsync<RpcException>(() =>
            Units(Huqiu).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = Huqiu, Name = township }).ResponseAsync);
        var standard = await Assert.ThrowsAsync<RpcException>(() =>
            Units(Huqiu).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = Huqiu, Name = CaseSteps.Unit }).ResponseAsync);

        Assert.Equal(UnitSource.Registered, registered.Source);
        Assert.True(registered.Active);
        Assert.Equal("test-office-320505", registered.RegisteredBy);
        Assert.NotNull(registered.RegisteredAt);
        Assert.Contains(await ListAsync(Huqiu), u => u.Name == township && u.Source == UnitSource.Registered);
        Assert.Equal(township, atTownship.HolderUnit);
        Assert.Equal(township, readByTownship.HolderUnit);
        // One name, one active unit: registering it again is refused, and so is a standard department's name.
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Contains("already an active unit", twice.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, standard.StatusCode);
        Assert.Contains("standard departments", standard.Status.Detail);
    }

    [Fact]
    public async Task Only_the_office_of_that_very_jurisdiction_changes_its_units()
    {
        var name = NewName("开发区管委会");
        async Task<StatusCode> RegisterAsAsync(string jurisdiction, string role) => (await Assert.ThrowsAsync<RpcException>(() =>
            Units(jurisdiction, role).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = Huqiu, Name = name }).ResponseAsync)).StatusCode;

        Assert.Equal(StatusCode.PermissionDenied, await RegisterAsAsync(Suzhou, "office"));
        Assert.Equal(StatusCode.PermissionDenied, await RegisterAsAsync("320000", "office"));
        Assert.Equal(StatusCode.PermissionDenied, await RegisterAsAsync(Wuzhong, "office"));
        Assert.Equal(StatusCode.PermissionDenied, await RegisterAsAsync(Huqiu, "admin"));
        var retire = await Assert.ThrowsAsync<RpcException>(() => Units(Suzhou).RetireUnitAsync(
            new RetireUnitRequest { JurisdictionCode = Huqiu, Name = CaseSteps.Unit }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, retire.StatusCode);
        Assert.Contains("kept by its own office", retire.Status.Detail);
        Assert.DoesNotContain(await ListAsync(Huqiu, includeRetired: true), u => u.Name == name);
        Assert.Contains(await ListAsync(Huqiu), u => u.Name == CaseSteps.Unit);
    }

    [Fact]
    public async Task A_county_reads_neither_a_sibling_s_units_nor_those_above_while_the_city_reads_its_counties()
    {
        var sibling = await Assert.ThrowsAsync<RpcException>(() => Units(Wuzhong).ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = Huqiu }).ResponseAsync);
        var above = await Assert.ThrowsAsync<RpcException>(() => Units(Huqiu).ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = Suzhou }).ResponseAsync);
        var byCity = await Units(Suzhou).ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = Huqiu });

        Assert.Equal(StatusCode.PermissionDenied, sibling.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, above.StatusCode);
        Assert.Contains(byCity.Units, u => u.Name == "虎丘区生态环境局");
    }

    [Fact]
    public async Task A_retired_unit_gets_no_new_case_but_its_earlier_case_still_names_it()
    {
        var name = NewName("街道办事处");
        await Units(Huqiu).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = Huqiu, Name = name });
        var earlier = await AtUnitAsync(name);
        RetireUnitRequest retire = new() { JurisdictionCode = Huqiu, Name = name, Reason = "撤并入浒墅关镇" };

        // While it holds the case it cannot be retired: it reports (or returns) first.
        var holding = await Assert.ThrowsAsync<RpcException>(() => Units(Huqiu).RetireUnitAsync(retire).ResponseAsync);
        await Handler(name).ReportHandlingAsync(CaseSteps.RectifiedNow(earlier.Id));
        var retired = await Units(Huqiu).RetireUnitAsync(retire);
        var next = await Cases(Huqiu).CreateCaseAsync(CasesApiTests.ValidCase(Huqiu));
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Cases(Huqiu).AssignDownAsync(new AssignDownRequest { CaseId = next.Id, HandlingUnit = name, WorkingDays = 5 }).ResponseAsync);
        var file = await Cases(Huqiu).GetCaseFileAsync(new GetCaseFileRequest { Id = earlier.Id });
        var readByRetired = await Handler(name).GetCaseAsync(new GetCaseRequest { Id = earlier.Id });
        var actByRetired = await Assert.ThrowsAsync<RpcException>(() =>
            Handler(name).ReturnCaseAsync(new ReturnCaseRequest { CaseId = earlier.Id, Reason = "不属于本单位" }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, holding.StatusCode);
        Assert.Contains("open case", holding.Status.Detail);
        Assert.False(retired.Active);
        Assert.Equal("撤并入浒墅关镇", retired.RetireReason);
        Assert.DoesNotContain(await ListAsync(Huqiu), u => u.Name == name);
        Assert.Contains(await ListAsync(Huqiu, includeRetired: true), u => u.Name == name && !u.Active && u.RetiredAt is not null);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("handling_unit", refused.Trailers.GetValue("ducha-invalid-fields"));
        Assert.Contains("retired", refused.Status.Detail);
        Assert.Equal(name, file.Assignments.Last().ToUnit);
        Assert.Equal(earlier.Id, readByRetired.Id);
        Assert.Equal(StatusCode.PermissionDenied, actByRetired.StatusCode);
        Assert.Contains("retired", actByRetired.Status.Detail);

        // Registered again, it takes cases again.
        Assert.True((await Units(Huqiu).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = Huqiu, Name = name })).Active);
        Assert.Equal(name, (await Cases(Huqiu).AssignDownAsync(new AssignDownRequest { CaseId = next.Id, HandlingUnit = name, WorkingDays = 5 })).HolderUnit);
    }

    [Fact]
    public async Task Assigning_to_a_name_that_is_not_registered_is_invalid_and_says_where_the_units_are()
    {
        var received = await Cases(Huqiu).CreateCaseAsync(CasesApiTests.ValidCase(Huqiu));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Cases(Huqiu).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, HandlingUnit = "虎丘区住建局", WorkingDays = 5 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("handling_unit", error.Trailers.GetValue("ducha-invalid-fields"));
        Assert.Contains("/v1/jurisdictions/320505/units", error.Status.Detail);
        Assert.Equal(CaseStatus.Received, (await Cases(Huqiu).GetCaseAsync(new GetCaseRequest { Id = received.Id })).Status);
    }

    [Fact]
    public async Task A_handler_whose_unit_is_not_registered_is_refused_everything_on_cases()
    {
        var atUnit = await AtUnitAsync(CaseSteps.Unit);
        var stranger = Handler("虎丘区环保局");

        var read = await Assert.ThrowsAsync<RpcException>(() => stranger.GetCaseAsync(new GetCaseRequest { Id = atUnit.Id }).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => stranger.ListCasesAsync(new ListCasesRequest()).ResponseAsync);
        var report = await Assert.ThrowsAsync<RpcException>(() => stranger.ReportHandlingAsync(CaseSteps.RectifiedNow(atUnit.Id)).ResponseAsync);

        // A handler token naming no unit at all is refused before any service sees it (RoleTests).
        Assert.All(new[] { read, list, report }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Contains("'虎丘区环保局' is not a registered unit of 虎丘区 (320505)", read.Status.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("虎丘区/开发区")]
    public async Task A_unit_without_a_usable_name_is_invalid(string name)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Units(Huqiu).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = Huqiu, Name = name }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("name", error.Trailers.GetValue("ducha-invalid-fields"));
    }

    [Fact]
    public async Task Over_REST_a_unit_is_listed_registered_and_retired_by_its_path()
    {
        var name = NewName("经济开发区管委会");
        var county = host.RestAs(Huqiu);

        var registered = await county.PostAsync($"/v1/jurisdictions/{Huqiu}/units", new { name });
        var listed = await county.GetAsync($"/v1/jurisdictions/{Huqiu}/units?includeRetired=true");
        var byCity = await host.RestAs(Suzhou).PostAsync($"/v1/jurisdictions/{Huqiu}/units/{Uri.EscapeDataString(name)}:retire", new { reason = "撤销" });
        var retired = await county.PostAsync($"/v1/jurisdictions/{Huqiu}/units/{Uri.EscapeDataString(name)}:retire", new { reason = "撤销" });
        var sibling = await host.RestAs(Wuzhong).GetAsync($"/v1/jurisdictions/{Huqiu}/units");
        var nameless = await county.PostAsync($"/v1/jurisdictions/{Huqiu}/units", new { name = "" });

        Assert.Equal(HttpStatusCode.OK, registered.Status);
        Assert.Equal("UNIT_SOURCE_REGISTERED", registered.Text("source"));
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Contains(listed.Body.GetProperty("units").EnumerateArray(), u => u.GetProperty("name").GetString() == name);
        Assert.Contains(listed.Body.GetProperty("units").EnumerateArray(), u => u.GetProperty("name").GetString() == "虎丘区生态环境局");
        Assert.Equal(HttpStatusCode.Forbidden, byCity.Status);
        Assert.Equal(HttpStatusCode.OK, retired.Status);
        Assert.Equal(name, retired.Text("name"));
        Assert.False(retired.Body.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, sibling.Status);
        Assert.Equal(HttpStatusCode.BadRequest, nameless.Status);
        Assert.Equal(["name"], nameless.ViolatedFields());
    }

    [Fact]
    public async Task Over_REST_an_unregistered_handling_unit_is_a_400_naming_it_and_an_unregistered_handler_a_403()
    {
        var id = (await host.RestAs(Huqiu).PostAsync("/v1/cases", new
        {
            jurisdictionCode = Huqiu, address = "苏州市虎丘区某路", pollutionType = "POLLUTION_TYPE_AIR", description = "夜间排放",
            channel = "CHANNEL_HOTLINE_12369", polluter = $"某厂{Guid.NewGuid():N}",
        })).Text("id");

        var assigned = await host.RestAs(Huqiu).PostAsync($"/v1/cases/{id}:assignDown", new { handlingUnit = "虎丘区住建局", workingDays = 5 });
        var stranger = new RestCaller(host.Http, host.Tokens.Issue(Huqiu, "handler", "rest-handler", unit: "虎丘区住建局"));
        var read = await stranger.GetAsync($"/v1/cases/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, assigned.Status);
        Assert.Equal(["handling_unit"], assigned.ViolatedFields());
        Assert.Equal(HttpStatusCode.Forbidden, read.Status);
    }
}
