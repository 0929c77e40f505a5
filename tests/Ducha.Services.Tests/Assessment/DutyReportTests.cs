using Ducha.Contracts.Assessment.V1;
using Grpc.Core;
using static Ducha.Services.Tests.Assessment.SheetSteps;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// Annual environmental-duty reports in Henan: a county's office files its own, a department its own (or its level's
/// office for it), filing again replaces; a city files none for itself; the assessing level sees who has not filed.
/// </summary>
[Collection(SheetsCollection.Name)]
public sealed class DutyReportTests(SheetsFixture host)
{
    private readonly SheetSteps _steps = new(host);

    private static FileDutyReportRequest Report(string code, string summary = "本年度落实环境保护责任情况：整改督察反馈问题12项。", string department = "") =>
        new() { JurisdictionCode = code, Department = department, Year = 2024, Summary = summary };

    [Fact]
    public async Task A_countys_office_files_its_report_and_filing_again_replaces_the_summary()
    {
        var first = await _steps.As("410602").FileDutyReportAsync(Report("410602"));
        var again = await _steps.As("410602").FileDutyReportAsync(Report("410602", "修订后的年度环境保护责任履行情况报告"));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("修订后的年度环境保护责任履行情况报告", again.Summary);
        var listed = await _steps.As("410600").ListDutyReportsAsync(new ListDutyReportsRequest { JurisdictionCode = "410600", Year = 2024 });
        Assert.Equal("修订后的年度环境保护责任履行情况报告", Assert.Single(listed.Filed).Summary);
    }

    [Fact]
    public async Task Only_the_county_itself_or_the_department_files_and_a_city_files_none_for_itself()
    {
        var cityForItself = await Assert.ThrowsAsync<RpcException>(() => _steps.As("410700").FileDutyReportAsync(Report("410700")).ResponseAsync);
        var byDepartment = await _steps.As("410700", "handler", "新乡市生态环境局").FileDutyReportAsync(Report("410700", department: "新乡市生态环境局"));
        var byOffice = await _steps.As("410700").FileDutyReportAsync(Report("410700", department: "新乡市住房和城乡建设局"));

        Assert.Equal(StatusCode.InvalidArgument, cityForItself.StatusCode);
        Assert.Equal("jurisdiction_code", cityForItself.Trailers.GetValue("ducha-invalid-fields"));
        Assert.Equal(("410700", "新乡市生态环境局"), (byDepartment.JurisdictionCode, byDepartment.Department));
        Assert.Equal("新乡市住房和城乡建设局", byOffice.Department);
        Assert.Equal([StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied],
            [
                await RefusedAsync(() => _steps.As("410703").FileDutyReportAsync(Report("410702")).ResponseAsync), // another county
                await RefusedAsync(() => _steps.As("410700").FileDutyReportAsync(Report("410702")).ResponseAsync), // the city for its county
                await RefusedAsync(() => _steps.As("410700", "handler", "新乡市水利局").FileDutyReportAsync(Report("410700", department: "新乡市生态环境局")).ResponseAsync),
            ]);
    }

    [Fact]
    public async Task The_assessing_level_lists_the_reports_filed_and_every_county_or_department_still_missing()
    {
        await _steps.As("410802").FileDutyReportAsync(Report("410802"));
        var departments = SheetTestData.Scheme(lead: "焦作市生态环境局", partner: "焦作市工业和信息化局");
        host.Sources.PutInForce("410800", Ducha.Assessment.Domain.Schemes.Audience.Departments, departments);
        await _steps.As("410800", "handler", "焦作市生态环境局").FileDutyReportAsync(Report("410800", department: "焦作市生态环境局"));

        var counties = await _steps.As("410800").ListDutyReportsAsync(new ListDutyReportsRequest { JurisdictionCode = "410800", Year = 2024 });
        var ofDepartments = await _steps.As("410800").ListDutyReportsAsync(new ListDutyReportsRequest
        {
            JurisdictionCode = "410800", Year = 2024, Audience = Audience.Departments,
        });
        var province = await _steps.As("410000").ListDutyReportsAsync(new ListDutyReportsRequest { JurisdictionCode = "410000", Year = 2024 });
        var noScheme = await RefusedAsync(() => _steps.As("410900").ListDutyReportsAsync(new ListDutyReportsRequest
        {
            JurisdictionCode = "410900", Year = 2024, Audience = Audience.Departments,
        }).ResponseAsync);

        Assert.Equal(["410802"], counties.Filed.Select(r => r.JurisdictionCode));
        Assert.Equal(["410803", "410804", "410811", "410821", "410822", "410823", "410825", "410871", "410882", "410883"],
            counties.Missing.Select(p => p.JurisdictionCode));
        Assert.Equal(["焦作市生态环境局"], ofDepartments.Filed.Select(r => r.Department));
        Assert.Equal(["焦作市工业和信息化局", "省信访局"], ofDepartments.Missing.Select(p => p.Department));
        Assert.Contains(province.Filed, r => r.JurisdictionCode == "410802");
        Assert.Contains(province.Missing, p => p.JurisdictionCode == "410803");
        Assert.DoesNotContain(province.Missing, p => p.JurisdictionCode == "410800");
        Assert.Equal(StatusCode.FailedPrecondition, noScheme);
        Assert.Equal(StatusCode.PermissionDenied, await RefusedAsync(() => _steps.As("410802").ListDutyReportsAsync(new ListDutyReportsRequest
        {
            JurisdictionCode = "410800", Year = 2024,
        }).ResponseAsync));
    }
}
