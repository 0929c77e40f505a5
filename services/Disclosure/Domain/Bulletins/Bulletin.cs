namespace Ducha.Disclosure.Domain.Bulletins;

public enum BulletinState { Draft = 1, Published = 2 }

/// <summary>
/// A 边督边改 bulletin of a jurisdiction for a period. It starts as a draft generated from the read model (regenerated
/// while unpublished), an office reviews and publishes it, and from then on it is a record: a correction is the next
/// <see cref="BulletinVersion"/> with its reason, never an edit of what readers have seen.
/// </summary>
public sealed class Bulletin : JurisdictionRecord
{
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public BulletinState State { get; private set; }
    /// <summary>The draft's content (canonical JSON) while unpublished; the latest version's once published.</summary>
    public string ContentJson { get; private set; } = "";
    public DateTimeOffset DraftedAt { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>When the cadence watch announced the period's bulletin overdue: it does so once.</summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; private set; }

    public static Bulletin Draft(BulletinContent content, DateTimeOffset now) => new()
    {
        JurisdictionCode = content.JurisdictionCode,
        PeriodStart = content.PeriodStart,
        PeriodEnd = content.PeriodEnd,
        State = BulletinState.Draft,
        ContentJson = BulletinContentJson.Write(content),
        DraftedAt = now,
    };

    public BulletinContent Content => BulletinContentJson.Read(ContentJson);

    /// <summary>A draft follows the read model until it is published: what the office reviews is what the data says now.</summary>
    public void Redraft(BulletinContent content, DateTimeOffset now)
    {
        if (State != BulletinState.Draft)
            throw new DomainRuleException("The bulletin is published; a change is a correction with its reason.");
        ContentJson = BulletinContentJson.Write(content);
        DraftedAt = now;
    }

    /// <summary>Publishes the draft as version 1; <paramref name="redaction"/> must have found nothing.</summary>
    public BulletinVersion Publish(RedactionVerdict redaction, Actor actor, DateTimeOffset now)
    {
        if (State != BulletinState.Draft)
            throw new DomainRuleException($"The bulletin was already published (version {Version}); a change is a correction with its reason.");
        redaction.ThrowIfHit();
        var version = BulletinVersion.Append(null, Id, ContentJson, null, actor.Subject, now);
        State = BulletinState.Published;
        Version = version.Number;
        PublishedAt = now;
        return version;
    }

    /// <summary>
    /// Publishes <paramref name="content"/> as the next version after <paramref name="latest"/>, with the reason readers
    /// will see; a correction that changes nothing is refused, since it would only add noise to the record.
    /// </summary>
    public BulletinVersion Correct(BulletinVersion latest, BulletinContent content, string reason, RedactionVerdict redaction, Actor actor, DateTimeOffset now)
    {
        if (State != BulletinState.Published)
            throw new DomainRuleException("A draft is corrected by drafting it again; only a published bulletin takes a correction.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new RequestValidationException("reason", "a correction says why it was made");
        var json = BulletinContentJson.Write(content);
        if (json == latest.ContentJson)
            throw new DomainRuleException($"Nothing differs from version {latest.Number}: there is nothing to correct.");
        redaction.ThrowIfHit();
        var version = BulletinVersion.Append(latest, Id, json, reason.Trim(), actor.Subject, now);
        ContentJson = json;
        Version = version.Number;
        return version;
    }

    /// <summary>
    /// Marks the period's bulletin announced overdue when it was not published by the end of <paramref name="dueBy"/>
    /// (still a draft, or published later); false when it was on time or already announced, so the office is told once.
    /// </summary>
    public bool AnnounceOverdue(DateOnly dueBy, DateTimeOffset now)
    {
        if (OverdueAnnouncedAt is not null) return false;
        if (!BulletinPeriod.Missed(dueBy, PublishedAt, Reference.Calendar.BeijingTime.DateOf(now))) return false;
        OverdueAnnouncedAt = now;
        return true;
    }
}
