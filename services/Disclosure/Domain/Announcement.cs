using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Domain;

/// <summary>
/// 督察组进驻公告: the public announcement that an inspection team is entering a county — its stay, report phone and
/// hours, postal box — shown on the county's websites and TV while the team is there (001 §二(一)). It is published per
/// county, and listed by the county's city and province.
/// A published announcement is a record: a correction is the next version with its reason, and every version stays
/// readable, so nobody can quietly change what the public was told (DOMAIN §4).
/// </summary>
public sealed class Announcement : JurisdictionRecord
{
    public const string PublishOperation = "PublishAnnouncement", CorrectOperation = "CorrectAnnouncement";

    /// <summary>The county's city and province, kept so that each level's list is one indexed lookup.</summary>
    public required string CityCode { get; init; }
    public required string ProvinceCode { get; init; }
    /// <summary>The office that published it: the county's own, its city's or its province's.</summary>
    public required string PublishedBy { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    /// <summary>The current version's number; a second correction made from the same version loses the race.</summary>
    public int Version { get; private set; }
    /// <summary>When the current version was recorded.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<AnnouncementVersion> Versions { get; init; } = [];

    public AnnouncementVersion Current => Versions.Single(v => v.Number == Version);

    /// <summary>
    /// An office publishes the announcement of a county within its reach: the county's own office, or the city or
    /// province office that sends the team into it. Only a county has one: an inspection enters a county (县/区), and
    /// the city and province pages list those of their counties.
    /// </summary>
    public static Announcement Publish(JurisdictionTree tree, string countyCode, AnnouncementContent content, Actor actor, string? idempotencyKey,
        DateTimeOffset now)
    {
        actor.Require(PublishOperation, Role.Office);
        var county = tree.Find(countyCode) ?? throw new RequestValidationException("jurisdiction_code", $"'{countyCode}' is not a known GB/T 2260 code");
        if (county.Level != JurisdictionLevel.County)
            throw new RequestValidationException("jurisdiction_code",
                $"must be a county (县/区/县级市): an inspection entry announcement is published per county, and {county.Code} {county.Name} is not one");
        EnsureStay(content);
        var city = tree.Get(county.ParentCode!);
        var announcement = new Announcement
        {
            JurisdictionCode = county.Code,
            CityCode = city.Code,
            ProvinceCode = city.ParentCode ?? city.Code,
            PublishedBy = actor.JurisdictionCode,
            PublishedAt = now,
            Version = 1,
            UpdatedAt = now,
            IdempotencyKey = idempotencyKey,
        };
        announcement.Versions.Add(AnnouncementVersion.Of(announcement.Id, 1, content, reason: null, actor, now));
        return announcement;
    }

    /// <summary>
    /// Files the next version: the current one with <paramref name="amendment"/> applied, and why. Only the publishing
    /// office or an office above it corrects — a county does not rewrite what its city's team announced. A correction
    /// that changes nothing is refused rather than filed as a version nobody can tell from the last.
    /// </summary>
    public AnnouncementVersion Correct(AnnouncementAmendment amendment, string reason, Actor actor, JurisdictionTree tree, DateTimeOffset now)
    {
        actor.Require(CorrectOperation, Role.Office);
        if (!tree.IsWithin(PublishedBy, actor.JurisdictionCode))
            throw new PermissionDeniedException(
                $"{CorrectOperation}: announcement {Id} was published by {PublishedBy}; only that office or one above it corrects it, not {actor.JurisdictionCode}.");
        var current = Current.Content;
        var content = amendment.ApplyTo(current);
        EnsureStay(content);
        if (content.ChangedFieldsFrom(current).Count == 0)
            throw new DomainRuleException($"The correction changes nothing of version {Version}: give at least one field with a new value.");
        Version++;
        UpdatedAt = now;
        var version = AnnouncementVersion.Of(Id, Version, content, reason.Trim(), actor, now);
        Versions.Add(version);
        return version;
    }

    /// <summary>The version with <paramref name="number"/>, or null.</summary>
    public AnnouncementVersion? VersionNumbered(int number) => Versions.FirstOrDefault(v => v.Number == number);

    /// <summary>The version before <paramref name="version"/>, which a correction changed; null for the first.</summary>
    public AnnouncementVersion? Before(AnnouncementVersion version) => VersionNumbered(version.Number - 1);

    /// <summary>What <paramref name="version"/> changed from the one before it; nothing for the first.</summary>
    public IReadOnlyList<string> ChangedFields(AnnouncementVersion version) =>
        Before(version) is { } before ? version.Content.ChangedFieldsFrom(before.Content) : [];

    private static void EnsureStay(AnnouncementContent content)
    {
        if (content.StayProblem() is { } problem) throw new RequestValidationException([problem]);
    }
}
