using Ducha.BuildingBlocks;
using Ducha.Cases.Application;
using Ducha.Cases.Domain;
using Ducha.Cases.Grpc;
using Ducha.Reference.Jurisdictions;
using Ducha.ServiceDefaults.Errors;
using Ducha.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Cases.Open311;

/// <summary>Filing and tracking service requests: the same intake, guard and subtree as the gRPC API.</summary>
internal static class Open311Requests
{
    public static async Task<IResult> CreateAsync(HttpContext http, CaseIntakeService intake, JurisdictionGuard guard, JurisdictionTree tree,
        CancellationToken cancellationToken)
    {
        var form = await Open311FormBody.ReadAsync(http.Request, cancellationToken);
        var caller = guard.Caller;
        var (caseIntake, reporter) = Open311RequestForm.ToIntake(form, http.Request.Headers[Open311RequestForm.IdempotencyHeader], caller, tree);
        guard.EnsureWithin(caseIntake.JurisdictionCode, "Open311.CreateRequest");
        var (entity, created) = await intake.ReceiveAsync(caseIntake, reporter, caller.AsActor(), cancellationToken);

        var body = new[] { new CreatedRequestView(entity.Id, Open311Catalogue.Notice, null) };
        if (!created) return new Open311Answer(body);
        // In the format the request was filed in, which is the one the client reads.
        http.Response.Headers.Location = $"{Open311Routes.Base}/requests/{entity.Id}.{Open311Formats.Of(http).Extension()}";
        return new Open311Answer(body, StatusCodes.Status201Created);
    }

    public static async Task<IResult> ListAsync(HttpContext http, CaseQueries queries, CaseJournal journal, JurisdictionGuard guard,
        JurisdictionTree tree, CancellationToken cancellationToken)
    {
        var root = guard.Caller.JurisdictionCode;
        guard.EnsureWithin(root, "Open311.ListRequests");
        var query = Open311RequestQuery.Parse(http.Request.Query, journal.Now);
        var cases = await query.Apply(queries.InSubtree(root)).ToListAsync(cancellationToken);
        return new Open311Answer(cases.Select(c => c.ToOpen311(tree)).ToList());
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "service_request_id")] string id, CaseJournal journal, JurisdictionGuard guard,
        JurisdictionTree tree, CancellationToken cancellationToken)
    {
        var entity = await journal.Db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new EntityNotFoundException("Service request", id);
        guard.EnsureWithin(entity.JurisdictionCode, "Open311.GetRequest");
        return new Open311Answer(new[] { entity.ToOpen311(tree) });
    }
}
