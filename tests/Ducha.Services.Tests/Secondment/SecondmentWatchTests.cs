using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application.Secondments;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// The term watch over a half-year term (1 March – 31 August 2024): the rotation reminder fires once from 1 August,
/// 30 days before the last day, naming the successor once one is planned; the day after the last day the term ends by
/// itself, once.
/// </summary>
public sealed class SecondmentWatchTests(SecondmentFixture host) : IClassFixture<SecondmentFixture>
{
    private readonly SecondmentSteps _steps = new(host);

    private static DateTimeOffset At(int month, int day) => new(2024, month, day, 0, 30, 0, TimeSpan.FromHours(8));

    private Task<(int Ended, int RotationsDue)> SweepAsync(DateTimeOffset moment) =>
        host.Services.GetRequiredService<SecondmentWatch>().SweepAsync(moment, CancellationToken.None);

    private Task<List<System.Text.Json.JsonElement>> EventsAsync(string topic, string secondmentId) => _steps.EventsAsync(topic, secondmentId);

    [Fact]
    public async Task The_rotation_reminder_fires_once_before_the_term_ends_and_the_term_ends_by_itself_the_day_after_its_last()
    {
        var cadre = await _steps.CadreAsync("周涛");
        var successor = await _steps.CadreAsync("吴芳");
        var term = await _steps.SecondAsync(cadre, "2024-03-01", "2024-08-31");
        await _steps.CityOrganization.PlanRotationAsync(new PlanRotationRequest { Id = term.Id, SuccessorCadreId = successor.Id });

        await SweepAsync(At(7, 31));
        var beforeDue = await EventsAsync("secondment.rotation-due", term.Id);
        await SweepAsync(At(8, 1));
        await SweepAsync(At(8, 15));
        var due = await EventsAsync("secondment.rotation-due", term.Id);
        await SweepAsync(At(8, 31));
        var onLastDay = await EventsAsync("secondment.secondment-ended", term.Id);
        await SweepAsync(At(9, 1));
        await SweepAsync(At(9, 2));
        var ended = await EventsAsync("secondment.secondment-ended", term.Id);
        var read = await _steps.CityOrganization.GetSecondmentAsync(new GetSecondmentRequest { Id = term.Id });
        var history = await _steps.HistoryAsync(term.Id);

        Assert.Equal("2024-08-01", term.RotationDueDate);
        Assert.Empty(beforeDue);
        Assert.Equal(successor.Id, Assert.Single(due).GetProperty("successorCadreId").GetString());
        Assert.Empty(onLastDay);
        var end = Assert.Single(ended);
        Assert.Equal("任期届满", end.GetProperty("reason").GetString());
        Assert.Equal("2024-08-31", end.GetProperty("endedDate").GetString());
        Assert.Equal(SecondmentState.Ended, read.State);
        Assert.Equal("2024-08-31", read.EndedDate);
        Assert.Equal(successor.Id, read.SuccessorCadreId);
        Assert.Equal(["secondment.seconded", "secondment.rotation-planned", "secondment.ended"], history.Kinds);
        Assert.True(history.Valid);
    }

    [Fact]
    public async Task A_successor_is_another_cadre_free_the_day_after_the_end()
    {
        var cadre = await _steps.CadreAsync("郑伟");
        var busy = await _steps.CadreAsync("冯静");
        var term = await _steps.SecondAsync(cadre, "2025-03-01", "2025-08-31");
        var busyTerm = await _steps.SecondAsync(busy, "2025-06-01", "2025-09-30");

        var self = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.PlanRotationAsync(new PlanRotationRequest { Id = term.Id, SuccessorCadreId = cadre.Id }));
        var seconded = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.PlanRotationAsync(new PlanRotationRequest { Id = term.Id, SuccessorCadreId = busy.Id }));
        var missing = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.PlanRotationAsync(new PlanRotationRequest { Id = term.Id, SuccessorCadreId = Guid.NewGuid().ToString() }));

        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, self.StatusCode);
        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, seconded.StatusCode);
        Assert.Contains(busyTerm.Id, seconded.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(Grpc.Core.StatusCode.NotFound, missing.StatusCode);
    }
}
