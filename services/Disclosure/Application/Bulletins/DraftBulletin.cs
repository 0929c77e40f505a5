using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>
/// The draft of a jurisdiction's bulletin for a period, generated from the read model — never typed. Drafting again
/// while unpublished follows the data; a published bulletin is answered as it stands.
/// </summary>
public sealed class DraftBulletin(DisclosureDbContext db, IBulletinSource source, JurisdictionTree tree, TimeProvider time)
{
    public const string Operation = "DraftBulletin";
    /// <summary>A bulletin covers days, not seasons: a period longer than a month is no 边督边改 bulletin.</summary>
    public const int MaxDays = 31;

    public async Task<Bulletin> HandleAsync(string jurisdictionCode, BulletinPeriod period, Actor actor, CancellationToken cancellationToken)
    {
        BulletinOffices.EnsureOwnOffice(jurisdictionCode, actor, Operation);
        if (period.End < period.Start) throw new RequestValidationException("period_end", "must not be before period_start");
        if (period.End.DayNumber - period.Start.DayNumber >= MaxDays) throw new RequestValidationException("period_end", $"a period is at most {MaxDays} days");
        return await DraftAsync(tree.Get(jurisdictionCode), period, cancellationToken);
    }

    /// <summary>The draft for <paramref name="period"/>, made or brought up to date; also what the cadence watch calls on time.</summary>
    public async Task<Bulletin> DraftAsync(Jurisdiction jurisdiction, BulletinPeriod period, CancellationToken cancellationToken)
    {
        var now = time.GetStoredUtcNow();
        var existing = await db.Bulletins.FirstOrDefaultAsync(b => b.JurisdictionCode == jurisdiction.Code && b.PeriodStart == period.Start && b.PeriodEnd == period.End,
            cancellationToken);
        if (existing is { State: BulletinState.Published }) return existing;
        var content = await source.ComposeAsync(jurisdiction, period, cancellationToken);
        if (existing is null)
        {
            existing = Bulletin.Draft(content, now);
            db.Bulletins.Add(existing);
        }
        else
        {
            existing.Redraft(content, now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            // The watch and an office drafted the same period at once: either draft is the data's, take the stored one.
            db.ChangeTracker.Clear();
            return await db.Bulletins.AsNoTracking().FirstAsync(b => b.JurisdictionCode == jurisdiction.Code && b.PeriodStart == period.Start
                && b.PeriodEnd == period.End, cancellationToken);
        }
        return existing;
    }
}
