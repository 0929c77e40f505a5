using Ducha.BuildingBlocks.Sampling;
using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>The province office draws its random sample of a city's problems exposed in a period, once, from a fresh seed.</summary>
public sealed class DrawSpotCheck(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, JurisdictionTree tree, TimeProvider time)
{
    public const string Operation = "DrawSpotCheck";

    public async Task<SpotCheck> HandleAsync(string cityCode, ReportingPeriod period, int count, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var city = tree.RequireCity(cityCode);
        records.EnsureWithin(actor, city.Code, Operation);
        if (idempotencyKey is not null
            && await db.SpotChecks.AsNoTracking().Include(s => s.Findings).FirstOrDefaultAsync(s => s.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier)
            return earlier.CityCode == city.Code && earlier.Period == period ? earlier
                : throw new RequestValidationException("idempotency_key", "was already used for a spot check of another city or period");
        if (await db.SpotChecks.AsNoTracking().FirstOrDefaultAsync(s => s.CityCode == city.Code && s.Period == period, cancellationToken) is { } drawn)
            throw Drawn(drawn);
        var candidates = (await db.AiredInAsync(tree, city, period, cancellationToken)).Select(p => p.Id).ToList();
        // The seed is fresh for every draw and kept with it before anyone sees the sample.
        var check = SpotCheck.Draw(city, period, candidates, count, ReproducibleDraw.NewSeed(), actor, idempotencyKey, time.GetStoredUtcNow());
        try
        {
            return await records.FileAsync(check, actor, Operation, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            // Another request drew for the same city and period between the check above and this save.
            db.ChangeTracker.Clear();
            if (await db.SpotChecks.AsNoTracking().FirstOrDefaultAsync(s => s.CityCode == city.Code && s.Period == period, cancellationToken) is { } winner)
                throw Drawn(winner);
            throw;
        }
    }

    private static DomainRuleException Drawn(SpotCheck drawn) =>
        new($"The sample of {drawn.CityCode} for {drawn.Period} was already drawn (spot check {drawn.Id}); a period is sampled once.", "period");
}
