using System.Globalization;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Domain.Schemes;

/// <summary>
/// An assessment scheme (考核方案) of the assessing jurisdiction for its audience, from <see cref="Year"/> on. A draft is
/// edited revision by revision; once in force it is never edited again — a later year's scheme in force supersedes it,
/// and it still governs the years before that. Only the office and the assessors of the assessing jurisdiction itself
/// write it; everyone up and down its line reads it, so the assessed can see what they are assessed by.
/// </summary>
public sealed class Scheme : JurisdictionRecord
{
    public const string CreateOperation = "CreateScheme", ReviseOperation = "ReviseScheme", PutInForceOperation = "PutSchemeInForce",
        CopyOperation = "CopyScheme", GetOperation = "GetScheme";
    public const int EarliestYear = 2017, LatestYear = 2100;

    /// <summary>The first year the scheme applies to.</summary>
    public int Year { get; init; }
    public Audience Audience { get; init; }
    /// <summary>Draft or InForce; a superseded scheme stays InForce here (<see cref="Standing"/> says Superseded).</summary>
    public SchemeState State { get; private set; }
    public SchemeContent Content { get; private set; } = null!;
    /// <summary>1, plus one per revision of the draft; a revision made from another one is refused.</summary>
    public int Revision { get; private set; }
    public string? CopiedFromSchemeId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? InForceAt { get; private set; }
    /// <summary>The later year's scheme that took over from this one.</summary>
    public string? SupersededBySchemeId { get; private set; }

    /// <summary>The state as read: in force until a later year's scheme is, then superseded.</summary>
    public SchemeState Standing => State == SchemeState.InForce && SupersededBySchemeId is not null ? SchemeState.Superseded : State;

    public static Scheme Draft(string jurisdictionCode, int year, Audience audience, SchemeContent content, string? copiedFromSchemeId, string? idempotencyKey,
        DateTimeOffset now)
    {
        if (year is < EarliestYear or > LatestYear)
            throw new RequestValidationException("year", $"must be between {EarliestYear} and {LatestYear}");
        if (!Enum.IsDefined(audience)) throw new RequestValidationException("audience", "must be AUDIENCE_SUBORDINATES or AUDIENCE_DEPARTMENTS");
        SchemeContentRules.Ensure(content, year);
        return new Scheme
        {
            JurisdictionCode = jurisdictionCode,
            Year = year,
            Audience = audience,
            State = SchemeState.Draft,
            Content = content,
            Revision = 1,
            CopiedFromSchemeId = copiedFromSchemeId,
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>A new draft of the caller's own jurisdiction with this scheme's content (its example mark kept).</summary>
    public Scheme CopyTo(string jurisdictionCode, int year, Audience audience, string? idempotencyKey, DateTimeOffset now)
    {
        // The content held for this scheme's year; only the baselines can stop holding for another year.
        var problems = SchemeContentRules.Check(Content, year);
        if (problems.Count > 0)
            throw new RequestValidationException([.. problems.Select(p => p.Field.EndsWith(".baseline_year", StringComparison.Ordinal)
                ? new FieldViolation("year", $"the copied {p.Field} {p.Description}")
                : new FieldViolation("id", $"the copied {p.Field} {p.Description}"))]);
        return Draft(jurisdictionCode, year, audience, Content, Id, idempotencyKey, now);
    }

    /// <summary>
    /// Replaces a draft's content. In force, a scheme is what the year is assessed by and is never edited; a revision
    /// made from a revision that is no longer the current one would undo someone else's and is refused.
    /// </summary>
    public void Revise(SchemeContent content, int fromRevision)
    {
        if (State != SchemeState.Draft)
            throw new DomainRuleException(
                $"Scheme {Id} is in force and cannot be changed; make a scheme for a later year instead (copy this one and put the copy in force).");
        if (fromRevision != Revision)
            throw new ConcurrentChangeException(nameof(Scheme), Id, new InvalidOperationException(
                $"revised from revision {fromRevision.ToString(CultureInfo.InvariantCulture)}, but the draft is at revision {Revision.ToString(CultureInfo.InvariantCulture)}"));
        SchemeContentRules.Ensure(content, Year);
        Content = content;
        Revision++;
    }

    /// <summary>
    /// Puts the draft in force for its year. <paramref name="inForce"/> are the schemes in force of the same jurisdiction
    /// and audience: one per year, and never one under a later year's (that one would be superseded before it began);
    /// the latest earlier one still in force is superseded by this one and returned.
    /// </summary>
    public Scheme? PutInForce(IEnumerable<Scheme> inForce, DateTimeOffset now)
    {
        if (State != SchemeState.Draft) throw new DomainRuleException($"Scheme {Id} is already in force.");
        var others = inForce.Where(s => s.Id != Id && s.State == SchemeState.InForce && s.JurisdictionCode == JurisdictionCode && s.Audience == Audience).ToList();
        if (others.FirstOrDefault(s => s.Year == Year) is { } twin)
            throw new DomainRuleException($"Scheme {twin.Id} is already in force for {Year.ToString(CultureInfo.InvariantCulture)} for the same audience; a year has one scheme in force.");
        if (others.Where(s => s.Year > Year).MinBy(s => s.Year) is { } later)
            throw new DomainRuleException(
                $"Scheme {later.Id} is in force from {later.Year.ToString(CultureInfo.InvariantCulture)}, a later year than {Year.ToString(CultureInfo.InvariantCulture)}; a scheme is only superseded by a later year's.");
        State = SchemeState.InForce;
        InForceAt = now;
        var superseded = others.Where(s => s.Year < Year && s.SupersededBySchemeId is null).MaxBy(s => s.Year);
        superseded?.SupersededBySchemeId = Id;
        return superseded;
    }

    /// <summary>The office and the assessors of the assessing jurisdiction itself write its schemes; a level above does not write a level's own.</summary>
    public static void EnsureWriter(Actor actor, string jurisdictionCode, string operation)
    {
        actor.Require(operation, Role.Office, Role.Assessor);
        if (actor.JurisdictionCode != jurisdictionCode)
            throw new PermissionDeniedException($"{operation}: the schemes of {jurisdictionCode} are written by its own office and assessors, not by {actor.JurisdictionCode}.");
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may read a scheme of <paramref name="jurisdictionCode"/>: from at or above it,
    /// or from below it — the parties it assesses see what they are assessed by. Never from a sibling's line.
    /// </summary>
    public static bool IsReadableBy(Actor actor, string jurisdictionCode, JurisdictionTree tree) =>
        tree.IsWithin(jurisdictionCode, actor.JurisdictionCode) || tree.IsWithin(actor.JurisdictionCode, jurisdictionCode);
}
