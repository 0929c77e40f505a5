using Ducha.Contracts.Assessment.V1;
using Grpc.Core;
using static Ducha.Services.Tests.Assessment.SheetSteps;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// 一票否优 over gRPC, in Henan: the assessing level's office or assessor records a veto with its ground and evidence and
/// withdraws it with a reason; nobody beside, below or above that level may; a veto keeps a party from 优秀 on its sheet.
/// </summary>
[Collection(SheetsCollection.Name)]
public sealed class VetoTests(SheetsFixture host)
{
    private readonly SheetSteps _steps = new(host);

    [Fact]
    public async Task Only_the_office_or_an_assessor_of_the_assessing_level_records_a_veto()
    {
        var onCity = await _steps.VetoAsync("410000", "410100");
        var onCounty = await _steps.VetoAsync("410100", "410102", ground: VetoGround.MajorAccident);
        var onDepartment = await new Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient(host.As("410000", "assessor")).RecordVetoAsync(new RecordVetoRequest
        {
            JurisdictionCode = "410000", Department = "省生态环境厅", Year = 2024, Ground = VetoGround.Concealment, Evidence = "瞒报化工园区泄漏事故",
        });

        Assert.Equal(("410100", "410000", VetoGround.PoorRectification, false), (onCity.JurisdictionCode, onCity.RecordedByJurisdictionCode, onCity.Ground, onCity.Withdrawn));
        Assert.Equal("410100", onCounty.RecordedByJurisdictionCode);
        Assert.Equal(("410000", "省生态环境厅"), (onDepartment.RecordedByJurisdictionCode, onDepartment.Department));
        Assert.Equal(
            [StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied,
                StatusCode.InvalidArgument],
            [
                await RefusedAsync(() => _steps.VetoAsync("410200", "410103")), // a sibling city
                await RefusedAsync(() => _steps.VetoAsync("410102", "410103")), // a county
                await RefusedAsync(() => _steps.VetoAsync("410000", "410103")), // a level above the assessing one
                await RefusedAsync(() => _steps.VetoAsync("410100", "410100")), // the party itself
                await RefusedAsync(() => new Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient(host.As("410100", "handler", "郑州市生态环境局"))
                    .RecordVetoAsync(new RecordVetoRequest { JurisdictionCode = "410103", Year = 2024, Ground = VetoGround.Concealment, Evidence = "x" }).ResponseAsync),
                await RefusedAsync(() => _steps.VetoAsync("410000", "410000")), // a province is assessed by no level
            ]);
    }

    [Fact]
    public async Task A_veto_without_ground_or_evidence_is_refused_naming_both()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.As("410200").RecordVetoAsync(new RecordVetoRequest
        {
            JurisdictionCode = "410202", Year = 2024, Evidence = " ",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("ground,evidence", error.Trailers.GetValue("ducha-invalid-fields"));
    }

    [Fact]
    public async Task A_veto_is_listed_on_its_jurisdiction_and_above_and_withdrawn_with_a_reason_by_the_level_that_recorded_it()
    {
        var veto = await _steps.VetoAsync("410300", "410302");

        var onCity = await _steps.As("410300").ListVetoesAsync(new ListVetoesRequest { JurisdictionCode = "410300", Year = 2024 });
        var onProvince = await _steps.As("410000").ListVetoesAsync(new ListVetoesRequest { JurisdictionCode = "410000", Year = 2024 });
        var onSibling = await _steps.As("410300").ListVetoesAsync(new ListVetoesRequest { JurisdictionCode = "410303", Year = 2024 });
        var fromAbove = await RefusedAsync(() => _steps.As("410000").WithdrawVetoAsync(new WithdrawVetoRequest { Id = veto.Id, Reason = "复核撤销" }).ResponseAsync);
        var withoutReason = await RefusedAsync(() => _steps.As("410300").WithdrawVetoAsync(new WithdrawVetoRequest { Id = veto.Id }).ResponseAsync);
        var withdrawn = await _steps.As("410300").WithdrawVetoAsync(new WithdrawVetoRequest { Id = veto.Id, Reason = "经复核，整改已于年内完成" });
        var again = await RefusedAsync(() => _steps.As("410300").WithdrawVetoAsync(new WithdrawVetoRequest { Id = veto.Id, Reason = "再次撤销" }).ResponseAsync);
        var listed = await _steps.As("410300").ListVetoesAsync(new ListVetoesRequest { JurisdictionCode = "410302", Year = 2024 });

        Assert.Contains(onCity.Vetoes, v => v.Id == veto.Id);
        Assert.Contains(onProvince.Vetoes, v => v.Id == veto.Id);
        Assert.DoesNotContain(onSibling.Vetoes, v => v.Id == veto.Id);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.InvalidArgument, StatusCode.FailedPrecondition), (fromAbove, withoutReason, again));
        Assert.Equal((true, "经复核，整改已于年内完成"), (withdrawn.Withdrawn, withdrawn.WithdrawalReason));
        Assert.Equal((true, "经复核，整改已于年内完成"), (listed.Vetoes.Single().Withdrawn, listed.Vetoes.Single().WithdrawalReason));
    }

    [Fact]
    public async Task A_vetoed_county_is_not_rated_excellent_and_its_sheet_says_why_until_the_veto_is_withdrawn()
    {
        _steps.SchemeWithGoodYear("410400");
        var veto = await _steps.VetoAsync("410400", "410402", ground: VetoGround.PoorRescue);

        var vetoed = await _steps.As("410402").GetScoreSheetAsync(new GetScoreSheetRequest { JurisdictionCode = "410402", Year = 2024 });
        await _steps.As("410400").WithdrawVetoAsync(new WithdrawVetoRequest { Id = veto.Id, Reason = "复核认定不属于救援不力" });
        var cleared = await _steps.As("410402").GetScoreSheetAsync(new GetScoreSheetRequest { JurisdictionCode = "410402", Year = 2024 });

        Assert.Equal((100.0, Rating.Excellent, Rating.Good), (vetoed.Total, vetoed.RatingByTotal, vetoed.Rating));
        Assert.Equal(veto.Id, Assert.Single(vetoed.Vetoes).Id);
        Assert.Contains("一票否优：事故救援不力致损失扩大或引发群体性事件，不得评为优秀（按得分应为优秀）", vetoed.Notes);
        Assert.Equal((Rating.Excellent, 0), (cleared.Rating, cleared.Vetoes.Count));
    }
}
