using Ducha.Reference.Jurisdictions;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain.History;

namespace Ducha.Secondment.Application.History;

/// <summary>A page of a level's history, and the chain's verification.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryLink> Links, long? NextAfter);

public sealed record HistoryCheck(bool Valid, long Entries, long FirstBroken);

/// <summary>
/// The office, the organization department and the supervisory organ of a level (or above) read its history and check
/// that no stored link was rewritten.
/// </summary>
public sealed class ReadHistory(SecondmentDbContext db, JurisdictionTree tree, ILogger<ReadHistory> logger)
{
    public const string Operation = "GetHistory", VerifyOperation = "VerifyHistory";
    private const int Batch = 1000;

    public async Task<HistoryPage> PageAsync(string jurisdictionCode, int pageSize, long after, Actor actor, CancellationToken cancellationToken)
    {
        Allow(jurisdictionCode, actor, Operation);
        var links = await db.HistoryLinks.AsNoTracking().Where(l => l.JurisdictionCode == jurisdictionCode && l.Sequence > after)
            .OrderBy(l => l.Sequence).Take(pageSize + 1).ToListAsync(cancellationToken);
        return links.Count > pageSize ? new HistoryPage(links[..pageSize], links[pageSize - 1].Sequence) : new HistoryPage(links, null);
    }

    public async Task<HistoryCheck> VerifyAsync(string jurisdictionCode, Actor actor, CancellationToken cancellationToken)
    {
        Allow(jurisdictionCode, actor, VerifyOperation);
        var (expected, previous) = (1L, HistoryLink.GenesisHash);
        while (true)
        {
            var batch = await db.HistoryLinks.AsNoTracking().Where(l => l.JurisdictionCode == jurisdictionCode && l.Sequence >= expected)
                .OrderBy(l => l.Sequence).Take(Batch).ToListAsync(cancellationToken);
            if (HistoryLink.FirstBroken(batch, expected, ref previous) is { } broken)
            {
                logger.LogWarning("Secondment history of {JurisdictionCode} is broken at link {Sequence}", jurisdictionCode, broken);
                return new HistoryCheck(false, await CountAsync(jurisdictionCode, cancellationToken), broken);
            }
            expected += batch.Count;
            if (batch.Count < Batch) return new HistoryCheck(true, expected - 1, 0);
        }
    }

    private Task<long> CountAsync(string jurisdictionCode, CancellationToken cancellationToken) =>
        db.HistoryLinks.LongCountAsync(l => l.JurisdictionCode == jurisdictionCode, cancellationToken);

    private void Allow(string jurisdictionCode, Actor actor, string operation)
    {
        actor.Require(operation, Role.Office, Role.Organization, Role.Discipline);
        tree.EnsureWithin(actor, jurisdictionCode, operation, logger);
    }
}
