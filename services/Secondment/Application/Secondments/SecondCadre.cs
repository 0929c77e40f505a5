using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Secondment.Application.History;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Secondments;

/// <summary>
/// 抽调: the level's organization department or office seconds a cadre of the level (or below) to its office or an
/// inspection team. <c>secondment.cadre-seconded</c> commits with the term, so Cases learns whom to refuse as a handler
/// of the old unit whether or not this service is up later.
/// </summary>
public sealed class SecondCadre(SecondmentDbContext db, SecondmentReach reach, ISecondmentHistory history, EventOutbox<SecondmentDbContext> outbox,
    SecondmentSettings settings, TimeProvider time, ILogger<SecondCadre> logger)
{
    public const string Operation = "Second";

    public async Task<SecondmentTerm> HandleAsync(string cadreId, string levelCode, PostKind post, string postName, DateOnly start, DateOnly end,
        string? idempotencyKey, Actor actor, CancellationToken cancellationToken)
    {
        reach.EnsureActsFor(actor, levelCode, Operation);
        // A retry gets the first term back rather than a refusal for overlapping itself.
        if (!string.IsNullOrWhiteSpace(idempotencyKey)
            && await db.Secondments.AsNoTracking().FirstOrDefaultAsync(s => s.IdempotencyKey == idempotencyKey, cancellationToken) is { } filed)
            return filed;
        var cadre = await reach.FindCadreAsync(cadreId, "cadre_id", cancellationToken, tracked: true);
        if (!reach.IsWithin(cadre.JurisdictionCode, levelCode))
            throw new DomainRuleException($"cadre {cadre.Id} belongs to {cadre.JurisdictionCode}, which is not {levelCode} or below it: a level seconds its own cadres", "cadre_id");
        var now = time.GetStoredUtcNow();
        var term = SecondmentTerm.Start(cadre, levelCode, post, postName, start, end, settings.TermLimitDays, settings.RotationReminderDays, idempotencyKey, now);
        if (await reach.OverlappingAsync(cadre.Id, start, end, null, cancellationToken) is { } other)
            throw new DomainRuleException($"cadre {cadre.Id} is already seconded by secondment {other.Id} ({other.PostName}, " +
                $"{other.StartDate:yyyy-MM-dd}..{other.LastDay:yyyy-MM-dd}), which shares days with {start:yyyy-MM-dd}..{end:yyyy-MM-dd}", "start_date", "end_date");
        db.Secondments.Add(term);
        cadre.NoteNewTerm();
        await history.AppendAsync(levelCode, "secondment.seconded", term.Id,
            new { term.Id, term.CadreId, term.HomeJurisdictionCode, term.HomeUnit, Post = term.Post.ToString(), term.PostName, term.StartDate, term.EndDate },
            actor, cancellationToken);
        outbox.Add(new CadreSeconded(term.Id, cadre.Id, cadre.Subject, cadre.JurisdictionCode, cadre.HomeUnit, levelCode, term.PostName, start, end, now));
        await SecondmentSaving.SaveAsync(db, term.Id, cancellationToken);
        logger.LogInformation("{Operation}: secondment {Id} of cadre {CadreId} to {Level}, {Start}..{End}", Operation, term.Id, cadre.Id, levelCode, start, end);
        return term;
    }
}
