using Ducha.Assessment.Domain.Facts;

namespace Ducha.Services.Tests;

/// <summary>
/// Over a broker, a case's events of different topics come in any order: whichever comes first opens the assessed case,
/// the intake fills in its place and year, and a move or a closing older than the last one applied changes nothing — so
/// the row ends the same whatever the order, and a deduction's events are each listed once.
/// </summary>
public sealed class AssessedCaseTests
{
    private static readonly DateTimeOffset Received = new(2024, 12, 31, 23, 30, 0, TimeSpan.FromHours(8));

    public static TheoryData<int[]> Orders() => [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 4, 0, 3, 2], [3, 2, 1, 0, 4]];

    [Theory]
    [MemberData(nameof(Orders))]
    public void The_case_is_the_same_whatever_order_its_events_come_in(int[] order)
    {
        Action<AssessedCase>[] events =
        [
            c => c.Receive("510104", Received, "510100", Received),
            c => c.MoveTo("510104", null, Received.AddHours(1)),
            c => c.MoveTo("510104", "锦江区生态环境局", Received.AddHours(2)),
            c => c.MarkOverdue(),
            c => c.Close(satisfied: true, Received.AddDays(9)),
        ];
        // The first event to arrive opens the case with what it carries: the place, and the moment it was recorded.
        var assessed = AssessedCase.Open("C1", "510104", Received.AddDays(order[0]));

        foreach (var i in order) events[i](assessed);
        events[order[^1]](assessed);

        Assert.Equal(("510104", 2024, true, "510100"), (assessed.PlaceJurisdictionCode, assessed.Year, assessed.Received, assessed.OriginJurisdictionCode));
        Assert.Equal(("510104", "锦江区生态环境局"), (assessed.HolderJurisdictionCode, assessed.HolderUnit));
        Assert.Equal((true, true, true), (assessed.Closed, assessed.Satisfied, assessed.EverOverdue));
    }

    [Fact]
    public void A_reopened_case_is_charged_to_the_party_that_handled_it_and_starts_again_at_the_originating_office()
    {
        var assessed = AssessedCase.Open("C2", "510104", Received);
        assessed.Receive("510104", Received, "510100", Received);
        assessed.MoveTo("510104", "锦江区生态环境局", Received.AddHours(2));
        assessed.Verify();
        assessed.Close(satisfied: true, Received.AddDays(5));

        var handledBy = assessed.Reopen(Received.AddDays(30));

        Assert.Equal(("510104", "锦江区生态环境局"), handledBy);
        Assert.Equal(("510100", (string?)null, false, false, false), (assessed.HolderJurisdictionCode, assessed.HolderUnit, assessed.Closed, assessed.Satisfied,
            assessed.RectificationVerified));
        // A closing older than the reopening, arriving late, does not close it again.
        assessed.Close(satisfied: true, Received.AddDays(5));
        Assert.False(assessed.Closed);
    }

    [Fact]
    public void An_event_behind_a_deduction_is_listed_once_whether_delivered_again_or_published_again_under_a_new_id()
    {
        var fact = new DeductionFact { Key = "lateness:C3", PlaceJurisdictionCode = "510104", HolderJurisdictionCode = "510104", Cause = "逾期未办结" };
        var at = Received.AddDays(15);

        Assert.True(fact.Attach("e1", "cases.case-overdue", at));
        Assert.False(fact.Attach("e1", "cases.case-overdue", at));
        Assert.False(fact.Attach("e2", "cases.case-overdue", at));
        Assert.True(fact.Attach("e3", "cases.case-overdue", at.AddDays(10)));
        Assert.True(fact.Attach("e4", "exposure.follow-up-overdue", at));
        Assert.Equal(["e1", "e3", "e4"], fact.Events.Select(e => e.EventId));
    }

    [Fact]
    public void A_deduction_counts_in_the_Beijing_year_it_happened()
    {
        Assert.Equal(2025, DeductionFact.YearOf(new DateTimeOffset(2024, 12, 31, 16, 30, 0, TimeSpan.Zero)));
        Assert.Equal(2024, AssessedCase.Open("C4", "510104", new DateTimeOffset(2024, 12, 31, 15, 30, 0, TimeSpan.Zero)).Year);
    }
}
