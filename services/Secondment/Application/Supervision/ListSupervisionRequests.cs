using System.Globalization;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain.Supervision;

namespace Ducha.Secondment.Application.Supervision;

/// <summary>
/// A level's supervision requests, open ones first by deadline (the most pressing on top), then the resolved ones, paged by
/// position so a request filed while someone pages neither repeats nor hides another.
/// </summary>
public sealed class ListSupervisionRequests(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "ListSupervisionRequests";
    private const string TokenVersion = "sr1";

    public static readonly Role[] Readers = [Role.Office, Role.InspectionTeam, Role.Discipline, Role.Admin];

    public async Task<(IReadOnlyList<SupervisionRequest> Requests, string? NextPageToken)> HandleAsync(string jurisdictionCode, int pageSize, string? pageToken,
        Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Readers);
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var query = db.SupervisionRequests.AsNoTracking().Where(r => r.JurisdictionCode == jurisdictionCode);
        if (pageToken is not null)
        {
            var (state, deadline, id) = Decode(pageToken);
            // string.Compare translates to SQL on both providers; ids are ASCII, so the database's order is the ordinal one.
#pragma warning disable CA1309
            query = state == SupervisionState.Open
                ? query.Where(r => r.State == SupervisionState.Resolved
                    || r.State == SupervisionState.Open && (r.Deadline > deadline || r.Deadline == deadline && string.Compare(r.Id, id) > 0))
                : query.Where(r => r.State == SupervisionState.Resolved && (r.Deadline > deadline || r.Deadline == deadline && string.Compare(r.Id, id) > 0));
#pragma warning restore CA1309
        }
        var page = await query.OrderBy(r => r.State == SupervisionState.Open ? 0 : 1).ThenBy(r => r.Deadline).ThenBy(r => r.Id)
            .Take(pageSize + 1).ToListAsync(cancellationToken);
        if (page.Count <= pageSize) return (page, null);
        var last = page[pageSize - 1];
        return (page[..pageSize], PagePosition.Encode(TokenVersion, $"{last.State}:{last.Deadline:yyyy-MM-dd}", last.Id));
    }

    private static (SupervisionState State, DateOnly Deadline, string Id) Decode(string token)
    {
        if (PagePosition.TryDecode(token, TokenVersion, out var key, out var id) && key.Split(':') is [var stateText, var dateText]
            && Enum.TryParse<SupervisionState>(stateText, out var state) && Enum.IsDefined(state)
            && DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
            return (state, deadline, id);
        throw new RequestValidationException("page_token", "is not a token this list issued");
    }
}
