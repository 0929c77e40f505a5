using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Application;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Grpc;

/// <summary>Checks and contract mapping of entry announcements: every bad field named at once, nothing stored.</summary>
internal static class AnnouncementRequests
{
    public const int MaxTeam = 100, MaxReason = 500, MaxPageSize = 200, DefaultPageSize = 50;

    public static Domain.AnnouncementContent Validate(PublishAnnouncementRequest request)
    {
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.Team, "team", MaxTeam)
            .Require(!string.IsNullOrEmpty(request.StartDate), "start_date", "is required")
            .OptionalDate(request.StartDate, "start_date", out var start)
            .Require(!string.IsNullOrEmpty(request.EndDate), "end_date", "is required")
            .OptionalDate(request.EndDate, "end_date", out var end)
            .Require(!string.IsNullOrWhiteSpace(request.ReportPhone), "report_phone", "is required")
            .Require(!string.IsNullOrWhiteSpace(request.PostalBox), "postal_box", "is required")
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100);
        var phone = CheckPhone(validator, request.ReportPhone);
        var hours = CheckHours(validator, request.PhoneHours);
        var box = CheckPostalBox(validator, request.PostalBox);
        var venues = CheckVenues(validator, request.Venues);
        var content = new Domain.AnnouncementContent
        {
            Team = request.Team.Trim(),
            StartDate = start ?? default,
            EndDate = end ?? default,
            ReportPhone = phone ?? string.Empty,
            PhoneHours = hours ?? Domain.PhoneHours.Default,
            PostalBox = box ?? string.Empty,
            Venues = venues ?? Domain.AnnouncementVenues.Default,
        };
        if (start is not null && end is not null && content.StayProblem() is { } stay) validator.Add([stay]);
        validator.ThrowIfInvalid(PublishAnnouncementRequest.Descriptor);
        return content;
    }

    public static Domain.AnnouncementAmendment Validate(CorrectAnnouncementRequest request)
    {
        var validator = new RequestValidator()
            .RequireText(request.Id, "id", 36)
            .RequireText(request.Reason, "reason", MaxReason)
            .Require(request.Team.Length == 0 || !string.IsNullOrWhiteSpace(request.Team), "team", "must not be blank")
            .OptionalText(request.Team, "team", MaxTeam)
            .OptionalDate(request.StartDate, "start_date", out var start)
            .OptionalDate(request.EndDate, "end_date", out var end);
        var amendment = new Domain.AnnouncementAmendment(
            Team: string.IsNullOrWhiteSpace(request.Team) ? null : request.Team.Trim(),
            StartDate: start,
            EndDate: end,
            ReportPhone: request.ReportPhone.Length == 0 ? null : CheckPhone(validator, request.ReportPhone),
            PhoneHours: CheckHours(validator, request.PhoneHours),
            PostalBox: request.PostalBox.Length == 0 ? null : CheckPostalBox(validator, request.PostalBox),
            Venues: CheckVenues(validator, request.Venues));
        validator.ThrowIfInvalid(CorrectAnnouncementRequest.Descriptor);
        return amendment;
    }

    public static (int PageSize, string? After) Validate(ListAnnouncementsRequest request)
    {
        var validator = new RequestValidator()
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 1 and {MaxPageSize} (0 for {DefaultPageSize})")
            .Require(request.PageToken.Length <= 36 && Guid.TryParse(request.PageToken.Length == 0 ? Guid.Empty.ToString() : request.PageToken, out _),
                "page_token", "is not a token this service issued");
        if (request.JurisdictionCode.Length > 0) validator.RequireJurisdictionCode(request.JurisdictionCode);
        validator.ThrowIfInvalid(ListAnnouncementsRequest.Descriptor);
        return (request.PageSize == 0 ? DefaultPageSize : request.PageSize, request.PageToken.Length == 0 ? null : request.PageToken);
    }

    /// <summary>The trimmed phone, or null with the violation added.</summary>
    private static string? CheckPhone(RequestValidator validator, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var phone = text.Trim();
        validator.Require(Domain.ReportPhone.IsValid(phone), "report_phone", Domain.ReportPhone.Expected);
        return Domain.ReportPhone.IsValid(phone) ? phone : null;
    }

    /// <summary>The hours given, or null when none are (the default applies) or they are malformed (violation added).</summary>
    private static Domain.PhoneHours? CheckHours(RequestValidator validator, string text)
    {
        if (text.Length == 0) return null;
        var ok = Domain.PhoneHours.TryParse(text, out var hours);
        validator.Require(ok, "phone_hours", Domain.PhoneHours.Expected);
        return ok ? hours : null;
    }

    private static string? CheckPostalBox(RequestValidator validator, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var box = text.Trim();
        if (box.Length > Domain.PostalBox.MaxLength)
        {
            validator.Require(false, "postal_box", $"must be at most {Domain.PostalBox.MaxLength} characters");
            return null;
        }
        var problem = Domain.PostalBox.Problem(box);
        validator.Require(problem is null, "postal_box", problem ?? string.Empty);
        return problem is null ? box : null;
    }

    /// <summary>The venues in the order first given, each once; null when none are given.</summary>
    private static List<Domain.AnnouncementVenue>? CheckVenues(RequestValidator validator, RepeatedField<AnnouncementVenue> venues)
    {
        if (venues.Count == 0) return null;
        foreach (var venue in venues.Distinct())
            validator.RequireDefined(venue, "venues");
        return [.. venues.Where(v => v != AnnouncementVenue.Unspecified && System.Enum.IsDefined(v)).Distinct().Select(v => (Domain.AnnouncementVenue)v)];
    }

    public static Announcement ToContract(this Domain.Announcement a)
    {
        var reply = new Announcement
        {
            Id = a.Id,
            JurisdictionCode = a.JurisdictionCode,
            PublishedByJurisdictionCode = a.PublishedBy,
            PublishedAt = Timestamp.FromDateTimeOffset(a.PublishedAt),
            PublicPath = PublicPaths.Announcement(a.Id),
        };
        reply.Versions.AddRange(a.Versions.OrderBy(v => v.Number).Select(v => v.ToContract(a.ChangedFields(v))));
        reply.Current = reply.Versions[^1];
        return reply;
    }

    private static AnnouncementVersion ToContract(this Domain.AnnouncementVersion v, IReadOnlyList<string> changed)
    {
        var version = new AnnouncementVersion
        {
            Version = v.Number,
            Team = v.Team,
            StartDate = v.StartDate.ToWire(),
            EndDate = v.EndDate.ToWire(),
            ReportPhone = v.ReportPhone,
            PhoneHours = v.PhoneHours.ToString(),
            PostalBox = v.PostalBox,
            Reason = v.Reason ?? string.Empty,
            RecordedAt = Timestamp.FromDateTimeOffset(v.RecordedAt),
            RecordedByJurisdictionCode = v.RecordedBy,
        };
        version.Venues.AddRange(v.Venues.Select(x => (AnnouncementVenue)x));
        version.ChangedFields.AddRange(changed);
        return version;
    }
}
