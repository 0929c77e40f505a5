using Ducha.BuildingBlocks;
using Ducha.Disclosure.Domain.Bulletins;

namespace Ducha.Services.Tests;

/// <summary>
/// When a period's bulletin counts as overdue: not published by the end of its due-by day — still a draft, or published
/// later — told once; and not for periods that fell due before the office set its cadence.
/// </summary>
public sealed class BulletinOverdueTests
{
    private static readonly Actor Office = new("office-320505", Role.Office, "320505", "county");
    private static readonly DateOnly DueBy = new(2024, 11, 11);
    private static readonly DateTimeOffset Tuesday = new(2024, 11, 12, 9, 0, 0, TimeSpan.FromHours(8));

    private static Bulletin Draft() =>
        Bulletin.Draft(new BulletinContent("320505", "苏州市虎丘区", new DateOnly(2024, 11, 6), new DateOnly(2024, 11, 8), 0, 0, 0, 0, []), Tuesday.AddDays(-4));

    [Fact]
    public void A_draft_past_its_due_by_is_announced_once()
    {
        var bulletin = Draft();

        Assert.True(bulletin.AnnounceOverdue(DueBy, Tuesday));
        Assert.False(bulletin.AnnounceOverdue(DueBy, Tuesday.AddHours(1)));
        Assert.Equal(Tuesday, bulletin.OverdueAnnouncedAt);
    }

    [Fact]
    public void A_bulletin_published_after_its_due_by_is_still_announced_and_one_published_on_the_due_by_is_not()
    {
        var late = Draft();
        late.Publish(RedactionVerdict.Clean, Office, Tuesday.AddHours(-1)); // 08:00 on Tuesday, the day after the due-by
        var onTime = Draft();
        onTime.Publish(RedactionVerdict.Clean, Office, new DateTimeOffset(2024, 11, 11, 23, 30, 0, TimeSpan.FromHours(8)));

        Assert.True(late.AnnounceOverdue(DueBy, Tuesday));
        Assert.False(onTime.AnnounceOverdue(DueBy, Tuesday));
    }

    [Fact]
    public void A_cadence_binds_the_periods_due_on_or_after_the_day_it_was_set()
    {
        var cadence = new BulletinCadence
        {
            Id = "c", JurisdictionCode = "320505", Kind = CadenceKind.WorkingDays, Start = new DateOnly(2024, 10, 8),
            SetAt = new DateTimeOffset(2024, 11, 10, 23, 30, 0, TimeSpan.FromHours(8)),
        };

        Assert.False(cadence.Binds(new DateOnly(2024, 11, 9)));
        Assert.True(cadence.Binds(new DateOnly(2024, 11, 10)));
        Assert.True(cadence.Binds(DueBy));
    }
}
