using Ducha.Contracts.Secondment.V1;
using Ducha.Reference.Calendar;
using Ducha.Secondment.Application.Organization;
using Ducha.Secondment.Application.Supervision;
using Grpc.Core;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

/// <summary>The inspection's organization and its supervision requests (监察申请).</summary>
public sealed partial class SecondmentGrpcService
{
    public override async Task<Organization> SetOrganization(SetOrganizationRequest request, ServerCallContext context)
    {
        OrganizationRequests.Validate(request);
        var organization = await Use<Application.Organization.SetOrganization>()
            .HandleAsync(request.JurisdictionCode, request.ToDomain(), request.Revision, guard.Caller, context.CancellationToken);
        return organization.ToContract();
    }

    public override async Task<Organization> GetOrganization(GetOrganizationRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode).ThrowIfInvalid();
        return (await Use<Application.Organization.GetOrganization>().HandleAsync(request.JurisdictionCode, guard.Caller, context.CancellationToken)).ToContract();
    }

    public override async Task<SupervisionRequest> RequestSupervision(RequestSupervisionRequest request, ServerCallContext context)
    {
        SupervisionRequests.Validate(request);
        var filed = await Use<Application.Supervision.RequestSupervision>().HandleAsync(request.JurisdictionCode, request.CaseId,
            (Domain.Organization.GroupKind)request.FromGroup, (Domain.Supervision.SupervisionReason)request.Reason, request.Details, request.IdempotencyKey,
            guard.Caller, context.CancellationToken);
        return filed.ToContract(Today());
    }

    public override async Task<SupervisionRequest> ResolveSupervision(ResolveSupervisionRequest request, ServerCallContext context)
    {
        SupervisionRequests.Validate(request);
        var resolved = await Use<Application.Supervision.ResolveSupervision>().HandleAsync(request.Id, request.Outcome, request.AccountabilityCarriedOut,
            guard.Caller, context.CancellationToken);
        return resolved.ToContract(Today());
    }

    public override async Task<SupervisionRequestPage> ListSupervisionRequests(ListSupervisionRequestsRequest request, ServerCallContext context)
    {
        SupervisionRequests.Validate(request);
        var (requests, next) = await Use<Application.Supervision.ListSupervisionRequests>().HandleAsync(request.JurisdictionCode,
            request.PageSize == 0 ? 50 : request.PageSize, string.IsNullOrEmpty(request.PageToken) ? null : request.PageToken, guard.Caller, context.CancellationToken);
        var today = Today();
        return new SupervisionRequestPage { Requests = { requests.Select(r => r.ToContract(today)) }, NextPageToken = next ?? "" };
    }

    private DateOnly Today() => BeijingTime.DateOf(Use<TimeProvider>().GetUtcNow());
}
