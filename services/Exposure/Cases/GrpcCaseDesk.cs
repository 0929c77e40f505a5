using Ducha.Contracts.Cases.V1;
using Ducha.Exposure.Application;
using Ducha.Exposure.Domain;
using Ducha.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ducha.Exposure.Cases;

/// <summary>Asks the cases service over gRPC, as the exposure service acting for the office that recorded the airing.</summary>
internal sealed class GrpcCaseDesk(Contracts.Cases.V1.Cases.CasesClient cases) : ICaseDesk
{
    // A wall-clock limit, not the domain clock: the domain clock may be set to another day, the network's may not.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Cases judged the order itself: sending it again unchanged will be judged the same way.
    private static readonly StatusCode[] Final = [StatusCode.InvalidArgument, StatusCode.FailedPrecondition, StatusCode.PermissionDenied, StatusCode.NotFound];

    public async Task<string> OpenCaseAsync(ExposureCaseOrder order, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        using var acting = ServiceClients.ActOnBehalfOf(order.Office);
        try
        {
            var reply = await cases.OpenExposureCaseAsync(ToRequest(order), cancellationToken: patience.Token);
            return reply.Id;
        }
        catch (RpcException ex) when (Final.Contains(ex.StatusCode))
        {
            throw new CaseDeskRefusedException($"{ex.StatusCode}: {ex.Status.Detail}", ex);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CaseDeskUnavailableException($"{ex.StatusCode}: {ex.Status.Detail}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CaseDeskUnavailableException(ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CaseDeskUnavailableException($"no answer within {Patience.TotalSeconds:0} s", ex);
        }
    }

    private static OpenExposureCaseRequest ToRequest(ExposureCaseOrder order)
    {
        var problem = order.Problem;
        var request = new OpenExposureCaseRequest
        {
            ExposureId = problem.Id,
            JurisdictionCode = problem.PlaceJurisdictionCode,
            Address = problem.Address,
            Polluter = problem.Polluter,
            PollutionType = (Contracts.Cases.V1.PollutionType)problem.PollutionType,
            Description = problem.Description,
            AiredAt = Timestamp.FromDateTimeOffset(problem.AiredAt!.Value),
            ToJurisdictionCode = order.FollowUp.JurisdictionCode,
            HandlingUnit = order.FollowUp.Unit ?? string.Empty,
            FollowUpWorkingDays = FollowUpDuty.WorkingDays,
            FollowUpDeadline = order.FollowUp.Deadline.ToWire(),
            ClueSummary = order.ClueSummary,
        };
        // Material without a URL is still the exposure's: the case points back at it rather than losing it.
        request.Attachments.AddRange(problem.Materials.Select((m, i) => new Attachment
        {
            Name = m.Name, MediaType = m.MediaType, SizeBytes = m.SizeBytes, Uri = m.Url ?? $"urn:ducha:exposure:{problem.Id}:material:{i + 1}",
        }));
        return request;
    }
}
