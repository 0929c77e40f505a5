using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>
/// An office sets when its bulletins fall due for an inspection: from the inspection's start, at its level's cadence
/// unless it chooses another. Setting it again replaces it (an inspection extended, a weekday moved).
/// </summary>
public sealed class SetBulletinCadence(DisclosureDbContext db, JurisdictionTree tree, TimeProvider time)
{
    public const string Operation = "SetBulletinCadence";

    public async Task<BulletinCadence> HandleAsync(string jurisdictionCode, CadenceKind? kind, int? everyDays, IReadOnlyList<int> weekdays, DateOnly start,
        DateOnly? end, Actor actor, CancellationToken cancellationToken)
    {
        BulletinOffices.EnsureOwnOffice(jurisdictionCode, actor, Operation);
        var defaults = BulletinCadence.DefaultFor(tree.Get(jurisdictionCode).Level);
        var previous = await db.BulletinCadences.FirstOrDefaultAsync(c => c.JurisdictionCode == jurisdictionCode, cancellationToken);
        var chosen = kind ?? defaults.Kind;
        var cadence = new BulletinCadence
        {
            Id = previous?.Id ?? Ducha.BuildingBlocks.OrderedIds.NewId(),
            JurisdictionCode = jurisdictionCode,
            Kind = chosen,
            EveryDays = chosen == CadenceKind.EveryDays ? everyDays ?? (defaults.Kind == CadenceKind.EveryDays ? defaults.EveryDays : 3) : 0,
            Weekdays = chosen == CadenceKind.Weekdays ? [.. (weekdays.Count > 0 ? weekdays : defaults.Weekdays.Count > 0 ? defaults.Weekdays : [1, 4]).Distinct().Order()] : [],
            Start = start,
            End = end,
            SetAt = time.GetStoredUtcNow(),
        };
        if (end is { } last && last < start) throw new RequestValidationException("end_date", "must not be before start_date");
        if (cadence.Kind == CadenceKind.EveryDays && cadence.EveryDays is < 1 or > 31) throw new RequestValidationException("every_days", "must be between 1 and 31");
        // Replaced in place: one row per jurisdiction, so the watch never sees two cadences or none.
        if (previous is null) db.BulletinCadences.Add(cadence);
        else db.Entry(previous).CurrentValues.SetValues(cadence);
        await db.SaveChangesAsync(cancellationToken);
        return cadence;
    }
}
