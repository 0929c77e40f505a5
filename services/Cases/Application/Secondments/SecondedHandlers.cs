using System.Globalization;
using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application.Secondments;

/// <summary>
/// A seconded cadre does no work for the original unit: while seconded (Beijing date within the secondment's start and
/// its end, or the day it ended if earlier), a handler's token for the home unit is refused for that person, whatever
/// the operation. Asked by <see cref="Units.UnitRegisters.EnsureUnitOfAsync"/>, which every case use case passes, and
/// answered from Cases' own copy of the secondments (<see cref="SecondedCadre"/>), not by asking the secondment service.
/// </summary>
public sealed class SecondedHandlers(CasesDbContext db, JurisdictionTree tree, TimeProvider time, ILogger<SecondedHandlers> logger)
{
    public async Task EnsureNotSecondedAwayAsync(Actor actor, string action, CancellationToken cancellationToken)
    {
        if (!actor.Is(Role.Handler) || actor.Unit is not { } unit) return;
        var today = BeijingTime.DateOf(time.GetUtcNow());
        var (subject, code) = (actor.Subject, actor.JurisdictionCode);
        // The date test is the aggregate's (HoldsOn); the query only narrows to this person's secondments from this unit.
        var secondments = await db.SecondedCadres.AsNoTracking()
            .Where(s => s.Subject == subject && s.HomeJurisdictionCode == code && s.HomeUnit == unit && s.StartDate <= today)
            .ToListAsync(cancellationToken);
        if (secondments.Where(s => s.HoldsOn(today)).MaxBy(s => s.LastDay) is not { } seconded) return;
        var until = seconded.LastDay!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        logger.LogInformation("Refused {Action} to {Subject} as a handler of {Unit} at {Jurisdiction}: seconded (secondment {SecondmentId}) until {LastDay}",
            action, subject, unit, code, seconded.SecondmentId, until);
        var to = tree.Find(seconded.SecondedToJurisdictionCode) is { } level ? $"{level.Name} ({level.Code})" : seconded.SecondedToJurisdictionCode;
        var post = string.IsNullOrEmpty(seconded.PostName) ? "" : $" as {seconded.PostName}";
        throw new PermissionDeniedException(
            $"{action}: {subject} is seconded to {to}{post} until {until}; a seconded cadre does no work for the original unit ({unit}).");
    }
}
