using System.Net;
using Ducha.Contracts.Exposure.V1;
using Grpc.Core;
using static Ducha.Services.Tests.ExposureAccountabilitySteps;
using CasesV1 = Ducha.Contracts.Cases.V1;

namespace Ducha.Services.Tests;

/// <summary>The province's notice (通报) on a month: the cities' figures and the spot checks in Chinese, and no one's name.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ExposureNoticeTests(StandaloneFixture host)
{
    private const string Suzhou = "320500", Huqiu = "320505", Wuxi = "320200";
    private readonly ExposureAccountabilitySteps _steps = new(host);

    [Fact]
    public async Task The_notice_gives_each_citys_figures_report_and_spot_check_and_names_no_one()
    {
        var (_, firstCase) = await _steps.AiredAsync(Huqiu, Evening(2023, 5, 8), polluter: "苏州某电镀有限公司");
        var (_, secondCase) = await _steps.AiredAsync(Huqiu, Evening(2023, 5, 10), polluter: "苏州某印染有限公司");
        await _steps.AiredAsync("320213", Evening(2023, 5, 12), polluter: "无锡某铸造有限公司");
        await _steps.HoldAccountableAsync(Suzhou, firstCase,
            Person("陈某", "虎丘区副区长", CasesV1.CadreRank.Division, CasesV1.Sanction.Criticism),
            Person("刘某", "浒墅关镇环保办主任", CasesV1.CadreRank.Section, CasesV1.Sanction.Admonition, "已履职尽责，企业隐蔽偷排难以预见"));
        await _steps.HoldAccountableAsync(Suzhou, secondCase, Person("王某", "虎丘区生态环境局科长", CasesV1.CadreRank.Section, CasesV1.Sanction.Admonition));
        await _steps.Office(Suzhou).SubmitAccountabilityReportAsync(new SubmitAccountabilityReportRequest { CityCode = Suzhou, Period = "2023-05", Remarks = "陈某已调离原岗位" });
        var check = await _steps.Province.DrawSpotCheckAsync(new DrawSpotCheckRequest { CityCode = Suzhou, Period = "2023-05", Count = 2 });
        var finding = new RecordSpotCheckFindingRequest { SpotCheckId = check.Id, RectificationHeld = true, AccountabilityHeld = true, Finding = "经复查整改到位" };
        finding.ExposureId = check.SampleIds[0];
        await _steps.Province.RecordSpotCheckFindingAsync(finding);
        var failed = finding.Clone();
        failed.ExposureId = check.SampleIds[1];
        failed.RectificationHeld = false;
        failed.Finding = "复查时排口仍在排放，刘某称尚未整改";
        await _steps.Province.RecordSpotCheckFindingAsync(failed);
        var failedPolluter = (await _steps.Province.GetExposureAsync(new GetExposureRequest { Id = check.SampleIds[1] })).Polluter;

        var notice = await _steps.Province.GetAccountabilityNoticeAsync(new GetAccountabilityNoticeRequest { Period = "2023-05" });

        Assert.Equal(("320000", "2023-05"), (notice.JurisdictionCode, notice.Period));
        var text = notice.Text;
        Assert.StartsWith("江苏省263专项行动领导小组办公室\n关于2023年5月曝光问题问责情况的通报\n", text);
        Assert.Contains("全省各级电视、报纸等媒体共曝光问题3个", text);
        Assert.Contains("苏州市：曝光问题2个；2024年9月27日报送问责情况（逾期报送）；问责2人，其中处级1人、科级1人；诫勉谈话1人、通报批评1人；另有1人容错免责。", text);
        Assert.Contains("无锡市：曝光问题1个；逾期未报送问责情况。", text);
        Assert.Contains("南京市：曝光问题0个；无需报送问责情况。", text);
        Assert.Contains($"苏州市：从曝光问题2个中随机抽查2个（抽样方法ducha-draw-v1，种子{check.Seed}），已核查2个，整改到位1个、问责到位2个；整改不到位：{failedPolluter}。", text);
        foreach (var personal in new[] { "陈某", "刘某", "王某", "副区长", "环保办主任", "科长", "难以预见", "调离", "尚未整改" })
            Assert.DoesNotContain(personal, text);
    }

    [Fact]
    public async Task Only_a_province_reads_its_notice_and_a_malformed_period_is_refused()
    {
        var city = await Assert.ThrowsAsync<RpcException>(() => _steps.Office(Suzhou).GetAccountabilityNoticeAsync(new GetAccountabilityNoticeRequest { Period = "2023-06" }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.GetAccountabilityNoticeAsync(new GetAccountabilityNoticeRequest { Period = "6/2023" }).ResponseAsync);
        var discipline = await ExposureTestData.Client(host.As("320000", "discipline")).GetAccountabilityNoticeAsync(new GetAccountabilityNoticeRequest { Period = "2023-06" });

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.InvalidArgument), (city.StatusCode, malformed.StatusCode));
        Assert.Contains("本期未开展抽查", discipline.Text);
    }

    [Fact]
    public async Task Over_REST_a_report_is_submitted_and_the_notice_read_as_JSON()
    {
        await _steps.AiredAsync(Huqiu, Evening(2023, 9, 4));

        var submitted = await host.RestAs(Suzhou).PostAsync("/v1/accountability-reports", new { cityCode = Suzhou, period = "2023-09", remarks = "已问责" });
        var read = await host.RestAs("320000").GetAsync($"/v1/accountability-reports/{Suzhou}/2023-09?version=1");
        var notice = await host.RestAs("320000").GetAsync("/v1/accountability-notices/2023-09");
        var sibling = await host.RestAs(Wuxi).GetAsync($"/v1/accountability-reports/{Suzhou}/2023-09");
        var malformed = await host.RestAs(Suzhou).PostAsync("/v1/accountability-reports", new { cityCode = Suzhou, period = "2023/09" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest],
            new[] { submitted.Status, read.Status, notice.Status, sibling.Status, malformed.Status });
        Assert.Equal(submitted.Body.GetRawText(), read.Body.GetRawText());
        Assert.Equal("2023-10-10", read.Text("dueDate"));
        Assert.Contains("苏州市：曝光问题1个；2024年9月27日报送问责情况（逾期报送）；问责0人。", notice.Text("text"));
        Assert.Equal(["period"], malformed.ViolatedFields());
    }
}
