namespace Ducha.Secondment.Application.History;

/// <summary>
/// The level's hash-chained history: every secondment, evaluation and draw appends one link in the same transaction as
/// its change (call before SaveChanges), so the chain and the records cannot part. <paramref name="payload"/> is what
/// the link's hash covers (serialized canonically); <paramref name="kind"/> names it (secondment.seconded …).
/// </summary>
public interface ISecondmentHistory
{
    Task AppendAsync(string jurisdictionCode, string kind, string subjectId, object payload, Actor actor, CancellationToken cancellationToken);
}
