using Ducha.Contracts.Assessment.V1;
using Grpc.Core;
using Model = Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Grpc;

/// <summary>Schemes (考核方案) and measured values: requests checked and mapped here, rules in Domain/Schemes and Domain/Measurements.</summary>
public sealed partial class AssessmentGrpcService
{
    public override async Task<Scheme> CreateScheme(CreateSchemeRequest request, ServerCallContext context)
    {
        var content = SchemeRequests.Validate(request);
        var scheme = await Use<Application.Schemes.CreateScheme>().HandleAsync(request.JurisdictionCode, request.Year, (Model.Audience)request.Audience, content,
            request.FromExample, request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return scheme.ToContract();
    }

    public override async Task<Scheme> GetScheme(GetSchemeRequest request, ServerCallContext context) =>
        (await Use<Application.Schemes.GetScheme>().HandleAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken)).ToContract();

    public override async Task<SchemePage> ListSchemes(ListSchemesRequest request, ServerCallContext context)
    {
        var (pageSize, after) = SchemeRequests.Validate(request);
        var page = await Use<Application.Schemes.ListSchemes>().HandleAsync(request.JurisdictionCode, pageSize, after, guard.Caller, context.CancellationToken);
        var reply = new SchemePage { NextPageToken = page.NextPageToken };
        reply.Schemes.AddRange(page.Schemes.Select(s => s.ToContract()));
        return reply;
    }

    public override async Task<Scheme> ReviseScheme(ReviseSchemeRequest request, ServerCallContext context)
    {
        var content = SchemeRequests.Validate(request);
        var scheme = await Use<Application.Schemes.ReviseScheme>().HandleAsync(request.Id, content, request.Revision, guard.Caller, context.CancellationToken);
        return scheme.ToContract();
    }

    public override async Task<Scheme> PutSchemeInForce(PutSchemeInForceRequest request, ServerCallContext context) =>
        (await Use<Application.Schemes.PutSchemeInForce>().HandleAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken)).ToContract();

    public override async Task<Scheme> CopyScheme(CopySchemeRequest request, ServerCallContext context)
    {
        SchemeRequests.Validate(request);
        var copy = await Use<Application.Schemes.CopyScheme>().HandleAsync(request.Id, request.JurisdictionCode, request.Year, (Model.Audience)request.Audience,
            request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return copy.ToContract();
    }

    public override async Task<Measurement> RecordMeasurement(RecordMeasurementRequest request, ServerCallContext context)
    {
        MeasurementRequests.Validate(request);
        var measurement = await Use<Application.Measurements.RecordMeasurement>().HandleAsync(request.JurisdictionCode, request.IndicatorCode, request.Year,
            (Model.Period)request.Period, request.Value, request.Source, request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return measurement.ToContract();
    }

    public override async Task<MeasurementPage> ListMeasurements(ListMeasurementsRequest request, ServerCallContext context)
    {
        var (pageSize, after) = MeasurementRequests.Validate(request);
        var page = await Use<Application.Measurements.ListMeasurements>().HandleAsync(request.JurisdictionCode, request.Year == 0 ? null : request.Year, pageSize,
            after, guard.Caller, context.CancellationToken);
        var reply = new MeasurementPage { NextPageToken = page.NextPageToken };
        reply.Measurements.AddRange(page.Measurements.Select(m => m.ToContract()));
        return reply;
    }
}
