using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Application;

/// <summary>An office publishes a bulletin for its own jurisdiction or one below it.</summary>
public sealed class PublishBulletin(JurisdictionRecords<DisclosureDbContext> records, TimeProvider time)
{
    public const string Operation = "CreateBulletin";

    public Task<Bulletin> HandleAsync(string jurisdictionCode, string title, string body, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        return records.FileAsync(Bulletin.Publish(jurisdictionCode, title, body, idempotencyKey, time.GetStoredUtcNow()), actor, Operation, cancellationToken);
    }
}
