using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Vetoes;

namespace Ducha.Assessment.Application.Vetoes;

/// <summary>The level that recorded a veto withdraws it with the reason; it stays listed. Not once the year's results are frozen.</summary>
public sealed class WithdrawVeto(AssessmentDbContext db, SheetReach reach, TimeProvider time, ILogger<WithdrawVeto> logger)
{
    public const string Operation = "WithdrawVeto";

    public async Task<Veto> HandleAsync(string id, string reason, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Assessor);
        var veto = await db.Vetoes.FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Veto", id);
        reach.EnsureAssessingLevel(actor, veto.AssessorJurisdictionCode, Operation);
        await ResultsReader.EnsureNotFrozenAsync(db, veto.AssessorJurisdictionCode, veto.Party.Audience, veto.Year, Operation, cancellationToken);
        veto.Withdraw(reason, actor, time.GetStoredUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            throw new ConcurrentChangeException("Veto", id, e);
        }
        logger.LogInformation("{Operation}: veto {VetoId} on {Party} for {Year} withdrawn by {Caller}", Operation, id, veto.Party.ToString(), veto.Year, actor.Subject);
        return veto;
    }
}
