using Ducha.BuildingBlocks;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Disclosure;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 公开: an office's bulletins — drafts waiting to be published with the day each falls due (逾期 said in words), the
/// published ones latest first, each list paged — and the form that drafts a period. An office above reads a place below
/// it (<c>?jurisdiction=</c>) without the form; a place the service does not show this person answers 404 with no data.
/// </summary>
public sealed partial class DisclosureDeskPage
{
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "jurisdiction")] private string? Jurisdiction { get; set; }
    [SupplyParameterFromQuery(Name = "drafts")] private string? DraftsToken { get; set; }
    [SupplyParameterFromQuery(Name = "published")] private string? PublishedToken { get; set; }
    [Inject] private DisclosureDeskQuery Query { get; set; } = null!;
    [Inject] private JurisdictionTree Tree { get; set; } = null!;

    private DisclosureDesk? _desk;
    private bool _notOffice, _unavailable;

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
        if (person.Role != Role.Office)
        {
            _notOffice = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status403Forbidden);
            return;
        }
        try
        {
            _desk = await Query.LoadAsync(string.IsNullOrEmpty(Jurisdiction) ? person.JurisdictionCode : Jurisdiction, DraftsToken, PublishedToken, person,
                HttpContext.RequestAborted);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument)
        {
            // A page token or code typed into the address that the service does not take: nothing to show.
            _desk = null;
        }
        catch (RpcException)
        {
            _unavailable = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status503ServiceUnavailable);
            return;
        }
        if (_desk is null) PageStatus.AnswerWith(HttpContext, StatusCodes.Status404NotFound);
    }

    /// <summary>The desk's address with each list at its page; the jurisdiction kept when reading a place below.</summary>
    private string Url(string? drafts, string? published)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Jurisdiction)) query.Add("jurisdiction=" + Uri.EscapeDataString(Jurisdiction));
        if (!string.IsNullOrEmpty(drafts)) query.Add("drafts=" + Uri.EscapeDataString(drafts));
        if (!string.IsNullOrEmpty(published)) query.Add("published=" + Uri.EscapeDataString(published));
        return DisclosurePaths.Desk + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
