using Ducha.Cases.Application;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Mvc;

namespace Ducha.Cases.Open311;

/// <summary>Filing and tracking service requests: the same use cases, and so the same rules and reach, as the gRPC API.</summary>
internal static class Open311Requests
{
    public static async Task<IResult> CreateAsync(HttpContext http, ReceiveComplaint receive, JurisdictionGuard guard, JurisdictionTree tree,
        CancellationToken cancellationToken)
    {
        var form = await Open311FormBody.ReadAsync(http.Request, cancellationToken);
        var actor = guard.Caller;
        var (intake, reporter) = Open311RequestForm.ToIntake(form, http.Request.Headers[Open311RequestForm.IdempotencyHeader], actor.JurisdictionCode, tree);
        var (view, created) = await receive.HandleAsync(intake, reporter, actor, cancellationToken);

        var body = new[] { new CreatedRequestView(view.Case.Id, Open311Catalogue.Notice, null) };
        if (!created) return new Open311Answer(body);
        // In the format the request was filed in, which is the one the client reads.
        http.Response.Headers.Location = $"{Open311Routes.Base}/requests/{view.Case.Id}.{Open311Formats.Of(http).Extension()}";
        return new Open311Answer(body, StatusCodes.Status201Created);
    }

    public static async Task<IResult> ListAsync(HttpContext http, ListCases list, JurisdictionGuard guard, JurisdictionTree tree, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var actor = guard.Caller;
        actor.Require("Open311.ListRequests", GetCase.Readers);
        var query = Open311RequestQuery.Parse(http.Request.Query, time.GetUtcNow());
        var visible = await list.FilteredAsync(actor.JurisdictionCode, CaseFilter.Any, actor, "Open311.ListRequests", cancellationToken);
        var cases = await query.Apply(visible).ToListAsync(cancellationToken);
        return new Open311Answer(cases.Select(c => c.ToOpen311(tree)).ToList());
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "service_request_id")] string id, GetCase getCase, JurisdictionGuard guard,
        JurisdictionTree tree, CancellationToken cancellationToken)
    {
        var view = await getCase.HandleAsync(id, guard.Caller, cancellationToken);
        return new Open311Answer(new[] { view.Case.ToOpen311(tree) });
    }
}
