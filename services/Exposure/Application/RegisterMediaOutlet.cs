using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Application;

/// <summary>An office registers a media outlet of its own jurisdiction or one below it.</summary>
public sealed class RegisterMediaOutlet(JurisdictionRecords<ExposureDbContext> records, TimeProvider time)
{
    public const string Operation = "CreateMediaOutlet";

    // No event yet: nobody downstream needs outlets. One published on filing would commit with the outlet.
    public Task<MediaOutlet> HandleAsync(string jurisdictionCode, string name, MediaKind kind, string? columnName, int weeklyQuota,
        string? idempotencyKey, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var outlet = MediaOutlet.Register(jurisdictionCode, name, kind, columnName, weeklyQuota, idempotencyKey, time.GetStoredUtcNow());
        return records.FileAsync(outlet, actor, Operation, cancellationToken);
    }
}
