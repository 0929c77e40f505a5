using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// A page about one thing — a case, a bulletin, a follow-up — loaded with the signed-in person's token. One the service
/// will not show this person (another jurisdiction's, or none) is answered 404 with no data, whichever it was, so the
/// page tells no one that it exists elsewhere; a service that cannot be reached, 503 with the page's own words.
/// </summary>
public abstract class SheetPage<TSheet> : ComponentBase where TSheet : class
{
    [Parameter] public string Id { get; set; } = "";
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "done")] protected string? Done { get; set; }
    [Inject] protected JurisdictionTree Tree { get; set; } = null!;

    protected TSheet? Sheet { get; private set; }
    protected SignedInPerson? Person { get; private set; }
    protected bool Unavailable { get; private set; }
    /// <summary>The form this request posts, if any: shown even when the thing moved on since, so its post is answered.</summary>
    protected string? PostedForm { get; private set; }

    /// <summary>The thing as this person may see it, or null when the service does not show it to them.</summary>
    protected abstract Task<TSheet?> LoadAsync(SignedInPerson person, CancellationToken cancellationToken);

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
        Person = person;
        try
        {
            Sheet = await LoadAsync(person, HttpContext.RequestAborted);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            Unavailable = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status503ServiceUnavailable);
            return;
        }
        if (Sheet is null) PageStatus.AnswerWith(HttpContext, StatusCodes.Status404NotFound);
        if (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType)
            PostedForm = (await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted))["_handler"].ToString();
    }
}
