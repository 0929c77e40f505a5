using Ducha.Contracts.Disclosure.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Intake;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Disclosure;

/// <summary>One bulletin as the desk lists it.</summary>
public sealed record BulletinRow(string Id, string Title, string Period, string DueBy, bool Overdue, int Version, string DraftedAt, string PublishedAt,
    string CorrectedAt);

public sealed record BulletinRows(IReadOnlyList<BulletinRow> Rows, string NextPageToken);

/// <summary>
/// 公开 for one jurisdiction: its drafts waiting to be published, its published bulletins, whether the person's office is
/// the one that publishes them (else it only reads, from above), and the places below whose bulletins it may read.
/// </summary>
public sealed record DisclosureDesk(string JurisdictionCode, string Place, bool Own, BulletinRows Drafts, BulletinRows Published,
    IReadOnlyList<Jurisdiction> Below);

/// <summary>Reads a jurisdiction's bulletins with <c>ListBulletins</c>, as the signed-in office.</summary>
public sealed class DisclosureDeskQuery(ConsoleDisclosureClient disclosure, JurisdictionTree tree)
{
    public const int PageSize = 10;

    /// <summary>The desk; null when the service shows this person nothing of the jurisdiction (a sibling's, or no such place).</summary>
    public async Task<DisclosureDesk?> LoadAsync(string code, string? draftsToken, string? publishedToken, SignedInPerson person,
        CancellationToken cancellationToken)
    {
        if (tree.Find(code) is not { Level: <= JurisdictionLevel.County } place) return null;
        var drafts = PageAsync(code, BulletinState.Draft, draftsToken, cancellationToken);
        var published = PageAsync(code, BulletinState.Published, publishedToken, cancellationToken);
        try
        {
            await Task.WhenAll(drafts, published);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound)
        {
            return null;
        }
        var below = place.Level < JurisdictionLevel.County ? PlacePicker.Children(tree, code) : [];
        return new DisclosureDesk(code, SignedInPerson.FullName(tree, code), person.JurisdictionCode == code, await drafts, await published, below);
    }

    private async Task<BulletinRows> PageAsync(string code, BulletinState state, string? token, CancellationToken cancellationToken)
    {
        var page = await disclosure.ListBulletinsAsync(new ListBulletinsRequest
        {
            JurisdictionCode = code, State = state, PageSize = PageSize, PageToken = token ?? "",
        }, cancellationToken: cancellationToken);
        return new BulletinRows([.. page.Bulletins.Select(Row)], page.NextPageToken);
    }

    private static BulletinRow Row(BulletinEntry b) => new(b.Id, b.Title, BulletinWords.Period(b.PeriodStart, b.PeriodEnd), BulletinWords.Day(b.DueBy), b.Overdue,
        b.Version, BulletinWords.Time(b.DraftedAt), BulletinWords.Time(b.PublishedAt), b.CorrectedAt is null ? "" : BulletinWords.Time(b.CorrectedAt));
}
