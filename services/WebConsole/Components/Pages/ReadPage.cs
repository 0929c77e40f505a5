using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// A page that reads one thing with the signed-in person's token — a case, a bulletin, a score sheet, a ranking — and
/// answers for it as each such page must, in one place so they cannot drift apart: 403 when the person's role may not use
/// the page at all, 503 with the page's own words when the service cannot be reached, 404 with no data when the service
/// does not show it to this person (whichever the reason, so the page tells no one that it exists elsewhere), and a rule's
/// refusal (no scheme in force) carried in the rule's own words for the page to show instead of the thing.
/// </summary>
public abstract class ReadPage<TSheet> : ComponentBase where TSheet : class
{
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "done")] protected string? Done { get; set; }
    [Inject] protected JurisdictionTree Tree { get; set; } = null!;

    protected TSheet? Sheet { get; private set; }
    protected SignedInPerson? Person { get; private set; }
    /// <summary>The person's role may not use this page: answered 403 before anything is asked of the service.</summary>
    protected bool NotAllowed { get; private set; }
    protected bool Unavailable { get; private set; }
    /// <summary>Why there is nothing to show yet, in the rule's own words; the page shows it instead of the thing.</summary>
    protected string? Refusal { get; private set; }
    /// <summary>The form this request posts, if any: shown even when the thing moved on since, so its post is answered.</summary>
    protected string? PostedForm { get; private set; }

    /// <summary>Whether the person's role may use the page at all; which things it shows them is still the service's say.</summary>
    protected virtual bool MayUse(SignedInPerson person) => true;

    /// <summary>The thing as this person may see it, or why there is none.</summary>
    protected abstract Task<Read<TSheet>> ReadAsync(SignedInPerson person, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a failed call means the service did not answer (503, the page's words). By default only the codes of an
    /// outage: a query turns the answers it expects into "not shown", so anything else is a fault for the error page.
    /// </summary>
    protected virtual bool Unreachable(RpcException ex) =>
        ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown;

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
        Person = person;
        if (!MayUse(person))
        {
            NotAllowed = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status403Forbidden);
            return;
        }
        Read<TSheet> read;
        try
        {
            read = await ReadAsync(person, HttpContext.RequestAborted);
        }
        catch (RpcException ex) when (Unreachable(ex))
        {
            Unavailable = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status503ServiceUnavailable);
            return;
        }
        (Sheet, Refusal) = (read.Value, read.Refusal);
        if (read.NotShown) PageStatus.AnswerWith(HttpContext, StatusCodes.Status404NotFound);
        if (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType)
            PostedForm = (await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted))["_handler"].ToString();
    }
}
