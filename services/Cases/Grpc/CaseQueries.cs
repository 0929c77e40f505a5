using System.Globalization;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.ErrorMapping;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>
/// The case list: a subtree is a code prefix, so "everything under 苏州市" is one indexed LIKE on either provider.
/// Pages are newest first; the page token says where the next one starts (<see cref="CasePageToken"/>).
/// </summary>
public sealed class CaseQueries(CasesDbContext db, JurisdictionTree tree, TimeProvider time)
{
    public const int DefaultPageSize = 50, MaxPageSize = 200;

    /// <summary>Every case of <paramref name="root"/>'s subtree, for reading; the root must be a known code.</summary>
    public IQueryable<Domain.Case> InSubtree(string root)
    {
        var prefix = root[..tree.Get(root).PrefixLength];
        return db.Cases.AsNoTracking().Where(c => c.JurisdictionCode.StartsWith(prefix));
    }

    public async Task<(List<Domain.Case> Cases, int Total, string NextPageToken)> ListAsync(ListCasesRequest request, string root, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator()
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 1 and {MaxPageSize}")
            .Require(request.Status == CaseStatus.Unspecified || Enum.IsDefined(request.Status), "status", "is not a case status")
            .Require(request.Channel == Channel.Unspecified || Enum.IsDefined(request.Channel), "channel", "is not a channel")
            .Require(request.PollutionType == PollutionType.Unspecified || Enum.IsDefined(request.PollutionType), "pollution_type", "is not a pollution type");
        validator.OptionalDate(request.ReceivedFrom, "received_from", out var from)
            .OptionalDate(request.ReceivedTo, "received_to", out var to)
            .Require(request.MinRepeatCount >= 0, "min_repeat_count", "must not be negative");
        var paged = !string.IsNullOrEmpty(request.PageToken);
        var after = default(CasePageToken);
        validator.Require(!paged || CasePageToken.TryParse(request.PageToken, out after), "page_token", "is not a token this service issued");
        validator.ThrowIfInvalid();

        var query = InSubtree(root);
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
        if (request.OverdueOnly) query = Overdue(query);
        if (request.MinRepeatCount > 0)
        {
            var min = request.MinRepeatCount;
            query = query.Where(c => c.RepeatCount >= min);
        }
        if (from is { } f) query = query.Where(c => c.ReceivedAt >= BeijingTime.StartOf(f));
        if (to is { } t) query = query.Where(c => c.ReceivedAt < BeijingTime.StartOf(t.AddDays(1)));

        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var total = await query.CountAsync(cancellationToken);
        if (paged)
        {
            var (receivedAt, id) = (after.ReceivedAt, after.CaseId);
            query = query.Where(c => c.ReceivedAt < receivedAt || c.ReceivedAt == receivedAt && string.Compare(c.Id, id) > 0);
        }
        // One case more than the page shows says whether there is a next page.
        var page = await query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = page.Count > size ? CasePageToken.After(page[size - 1]).ToString() : string.Empty;
        return (page.Take(size).ToList(), total, next);
    }

    /// <summary>Open cases past their holder's deadline: the deadline is a Beijing date, due by the end of that day.</summary>
    private IQueryable<Domain.Case> Overdue(IQueryable<Domain.Case> query) => Domain.DeadlineFilters.PastDeadline(query, BeijingTime.DateOf(time.GetUtcNow()));

    /// <summary>Cases per jurisdiction of the subtree and per status, counted in the database.</summary>
    public async Task<CaseCounts> CountAsync(string root, CancellationToken cancellationToken)
    {
        var rows = await InSubtree(root)
            .GroupBy(c => new { c.JurisdictionCode, c.Status })
            .Select(g => new { g.Key.JurisdictionCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var overdue = await Overdue(InSubtree(root))
            .GroupBy(c => c.JurisdictionCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
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
                Reported = Of(Domain.CaseStatus.Reported),
                SentBack = Of(Domain.CaseStatus.SentBack),
                Verified = Of(Domain.CaseStatus.Verified),
                Closed = Of(Domain.CaseStatus.Closed),
                Reopened = Of(Domain.CaseStatus.Reopened),
                Overdue = overdue.GetValueOrDefault(jurisdiction.Key),
            });
        }
        return counts;
    }
}
