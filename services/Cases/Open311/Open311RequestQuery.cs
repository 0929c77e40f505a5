using System.Globalization;
using Ducha.Reference.Calendar;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Open311;

/// <summary>
/// The filters of GET requests.json. As GeoReport v2 says: service_request_id overrides every other filter; the dates
/// bound requested_datetime and span at most 90 days; without them the window is the last 90 days before now on the
/// service's clock; at most 1000 requests come back, newest first.
/// </summary>
internal sealed record Open311RequestQuery(IReadOnlyList<string>? Ids, IReadOnlyList<Ducha.BuildingBlocks.PollutionType>? Types, DateTimeOffset From,
    DateTimeOffset To, bool? ClosedOnly)
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public static Open311RequestQuery Parse(IQueryCollection query, DateTimeOffset now)
    {
        var validator = new RequestValidator();

        var ids = List(query["service_request_id"]);
        validator.Require(ids is null || ids.Count <= MaxResults, "service_request_id", $"may name at most {MaxResults} requests")
            .Require(ids is null || ids.All(id => id.Length <= 36), "service_request_id", "must be ids of at most 36 characters");

        var codes = List(query["service_code"]);
        var unknown = codes?.Where(c => Open311Catalogue.Find(c) is null).ToList() ?? [];
        validator.Require(unknown.Count == 0, "service_code", $"'{string.Join(",", unknown)}' is not a service here; see the service list (services.xml or services.json)");
        var types = codes?.Select(Open311Catalogue.Find).OfType<Open311Catalogue.Service>().Select(s => s.Type).Distinct().ToList();

        var statuses = List(query["status"]);
        validator.Require(statuses is null || statuses.All(s => s is "open" or "closed"), "status", "must be open, closed or both (open,closed)");
        bool? closedOnly = statuses?.Distinct().Count() == 1 ? statuses[0] == "closed" : null;

        var start = Instant(query["start_date"], "start_date", validator);
        var end = Instant(query["end_date"], "end_date", validator);
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + Window),
            (null, { } e) => (e - Window, e),
            _ => (now - Window, now),
        };
        validator.Require(from <= to, "end_date", "must not be before start_date")
            .Require(to - from <= Window, "end_date", "may be at most 90 days after start_date");
        validator.ThrowIfInvalid();
        return new Open311RequestQuery(ids, types, from, to, closedOnly);
    }

    public IQueryable<Domain.Case> Apply(IQueryable<Domain.Case> cases)
    {
        if (Ids is { } ids)
        {
            cases = cases.Where(c => ids.Contains(c.Id));
        }
        else
        {
            DateTimeOffset from = From, to = To;
            cases = cases.Where(c => c.ReceivedAt >= from && c.ReceivedAt <= to);
            if (Types is { } types) cases = cases.Where(c => types.Contains(c.PollutionType));
            // Domain-typed local, so the parameter passes through the column's string converter.
            var closed = Domain.CaseStatus.Closed;
            if (ClosedOnly == true) cases = cases.Where(c => c.Status == closed);
            if (ClosedOnly == false) cases = cases.Where(c => c.Status != closed);
        }
        return cases.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Take(MaxResults);
    }

    /// <summary>Comma-separated, or the parameter repeated: both are seen in the wild.</summary>
    private static List<string>? List(Microsoft.Extensions.Primitives.StringValues values)
    {
        var items = values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return items.Count == 0 ? null : items;
    }

    /// <summary>An ISO 8601 date-time; one written without an offset is Beijing time, as the people typing it mean.</summary>
    private static DateTimeOffset? Instant(Microsoft.Extensions.Primitives.StringValues values, string field, RequestValidator validator)
    {
        var text = values.ToString().Trim();
        if (text.Length == 0) return null;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            validator.Require(false, field, "must be an ISO 8601 date-time, e.g. 2024-09-27T10:00:00+08:00");
            return null;
        }
        if (!InputDates.Contains(parsed))
        {
            validator.Require(false, field, $"must be a date-time {InputDates.Range}");
            return null;
        }
        return parsed.Kind == DateTimeKind.Unspecified
            ? BeijingTime.At(parsed)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}
