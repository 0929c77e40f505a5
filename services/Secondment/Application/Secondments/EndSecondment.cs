using Ducha.Reference.Calendar;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Secondment.Application.History;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Secondments;

/// <summary>The level ends a secondment early with the reason: today is its last day and the cadre returns to the home unit.</summary>
public sealed class EndSecondment(SecondmentDbContext db, SecondmentReach reach, ISecondmentHistory history, EventOutbox<SecondmentDbContext> outbox,
    TimeProvider time)
{
    public const string Operation = "EndSecondment";

    public async Task<SecondmentTerm> HandleAsync(string id, string reason, Actor actor, CancellationToken cancellationToken)
    {
        var term = await reach.FindTermAsync(id, tracked: true, cancellationToken);
        reach.EnsureActsFor(actor, term.JurisdictionCode, Operation);
        var now = time.GetStoredUtcNow();
        term.EndEarly(BeijingTime.DateOf(now), reason);
        await history.AppendAsync(term.JurisdictionCode, "secondment.ended", term.Id, new { term.Id, term.CadreId, term.EndedDate, term.EndedReason },
            actor, cancellationToken);
        outbox.Add(new SecondmentEnded(term.Id, term.CadreId, term.Subject, term.JurisdictionCode, term.HomeUnit, term.EndedDate!.Value, term.EndedReason!, now));
        await SecondmentSaving.SaveAsync(db, term.Id, cancellationToken);
        return term;
    }
}
