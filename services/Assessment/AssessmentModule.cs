using Ducha.Assessment.Data;
using Ducha.Assessment.Grpc;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>The assessment service as a unit that its own host and the standalone host both mount.</summary>
public static class AssessmentModule
{
    public const string AppId = "assessment";

    public static IHostApplicationBuilder AddAssessmentService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AssessmentDbContext>(AppId);
        // Nothing is published yet; the outbox tables and relay are in place so that later events commit with their change.
        builder.AddEventBus().AddOutbox<AssessmentDbContext>(AppId);
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("ducha.assessment.v1.Assessment", r => r.Tags.Contains(AppId) || r.Tags.Contains("live")));
        return builder;
    }

    public static IEndpointRouteBuilder MapAssessmentService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        endpoints.MapGrpcService<AssessmentGrpcService>();
        return endpoints;
    }
}
