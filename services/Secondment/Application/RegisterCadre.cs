using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application;

/// <summary>
/// The organization department (or an office) records a cadre who may be seconded. The home unit is a unit of the home
/// jurisdiction's register, never free text: the rule that a seconded cadre does no work for the old unit needs to know
/// exactly which unit that is.
/// </summary>
public sealed class RegisterCadre(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records, IUnitRegister units, TimeProvider time)
{
    public const string Operation = "CreateCadre";

    // No event yet: nobody downstream needs cadres. One published on filing would commit with the cadre.
    public async Task<Cadre> HandleAsync(string jurisdictionCode, string name, string homeUnit, CadreRank rank, IEnumerable<string> specialities,
        string subject, string? idempotencyKey, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Organization, Role.Office);
        // Reach first, so that no one learns through this call which units another jurisdiction has.
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var cadre = Cadre.Register(jurisdictionCode, name, homeUnit, rank, specialities, subject, idempotencyKey, time.GetStoredUtcNow());
        // One person, one record: the subject is how Cases knows the seconded cadre. A retry with its key is not a second person.
        if (await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Subject == cadre.Subject, cancellationToken) is { } same
            && (cadre.IdempotencyKey is null || same.IdempotencyKey != cadre.IdempotencyKey))
            throw new DomainRuleException($"cadre {same.Id} already signs in as this subject; one person has one cadre record", "subject");
        if (!await units.HasActiveUnitAsync(jurisdictionCode, cadre.HomeUnit, cancellationToken))
            throw new RequestValidationException("home_unit",
                $"'{cadre.HomeUnit}' is not an active unit of the register of {jurisdictionCode} (Units.ListUnits lists them)");
        return await records.FileAsync(cadre, actor, Operation, cancellationToken);
    }
}
