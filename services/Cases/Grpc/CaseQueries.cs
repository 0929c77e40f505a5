using System.Globalization;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>
/// The case list: a subtree is a code prefix, so "everything under 苏州市" is one indexed LIKE on either provider.
/// Pages are newest first; the page token is the position of the next page.
/// </summary>
public sealed class CaseQueries(CasesDbContext db, JurisdictionTree tree)
{
    public const int DefaultPageSize = 50, MaxPageSize = 200;

    public async Task<(List<Domain.Case> Cases, int Total, string NextPageToken)> ListAsync(ListCasesRequest request, string root, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator()
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 1 and {MaxPageSize}")
            .Require(request.Status == CaseStatus.Unspecified || Enum.IsDefined(request.Status), "status", "is not a case status")
            .Require(request.Channel == Channel.Unspecified || Enum.IsDefined(request.Channel), "channel", "is not a channel")
            .Require(request.PollutionType == PollutionType.Unspecified || Enum.IsDefined(request.PollutionType), "pollution_type", "is not a pollution type");
        var from = ParseDate(request.ReceivedFrom, "received_from", validator);
        var to = ParseDate(request.ReceivedTo, "received_to", validator);
        var offset = 0;
        validator.Require(string.IsNullOrEmpty(request.PageToken) || int.TryParse(request.PageToken, CultureInfo.InvariantCulture, out offset) && offset >= 0,
            "page_token", "is not a token this service issued");
        validator.ThrowIfInvalid();

        var prefix = root[..tree.Get(root).PrefixLength];
        var query = db.Cases.AsNoTracking().Where(c => c.JurisdictionCode.StartsWith(prefix));
        // Domain-typed locals, so the parameters pass through the columns' string converters.
        if (request.Status != CaseStatus.Unspecified)
        {
            var status = (Domain.CaseStatus)request.Status;
            query = query.Where(c => c.Status == status);
        }
        if (request.Channel != Channel.Unspecified)
        {
            var channel = (Domain.Channel)request.Channel;
            query = query.Where(c => c.Channel == channel);
        }
        if (request.PollutionType != PollutionType.Unspecified)
        {
            var pollution = (Domain.PollutionType)request.PollutionType;
            query = query.Where(c => c.PollutionType == pollution);
        }
        if (from is { } f) query = query.Where(c => c.ReceivedAt >= StartOfDay(f));
        if (to is { } t) query = query.Where(c => c.ReceivedAt < StartOfDay(t.AddDays(1)));

        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Skip(offset).Take(size).ToListAsync(cancellationToken);
        var next = offset + page.Count < total ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return (page, total, next);
    }

    /// <summary>Cases per jurisdiction of the subtree and per status, counted in the database.</summary>
    public async Task<CaseCounts> CountAsync(string root, CancellationToken cancellationToken)
    {
        var prefix = root[..tree.Get(root).PrefixLength];
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.JurisdictionCode.StartsWith(prefix))
            .GroupBy(c => new { c.JurisdictionCode, c.Status })
            .Select(g => new { g.Key.JurisdictionCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var counts = new CaseCounts();
        foreach (var jurisdiction in rows.GroupBy(r => r.JurisdictionCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int Of(Domain.CaseStatus status) => jurisdiction.Where(r => r.Status == status).Sum(r => r.Count);
            counts.Counts.Add(new JurisdictionCaseCount
            {
                JurisdictionCode = jurisdiction.Key,
                Total = jurisdiction.Sum(r => r.Count),
                Received = Of(Domain.CaseStatus.Received),
                Assigned = Of(Domain.CaseStatus.Assigned),
                Returned = Of(Domain.CaseStatus.Returned),
            });
        }
        return counts;
    }

    /// <summary>Dates are Beijing dates: a day runs from 00:00 to 24:00 in Asia/Shanghai.</summary>
    private static DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TaskDelivery.China.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateOnly? ParseDate(string text, string field, RequestValidator validator)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        validator.Require(ok, field, "must be a date in the form yyyy-MM-dd");
        return ok ? date : null;
    }
}
