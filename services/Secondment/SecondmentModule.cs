using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.Hosting;
using Ducha.Secondment.Data;
using Ducha.Secondment.Application;
using Ducha.Secondment.Application.Secondments;
using Ducha.Secondment.Grpc;
using Ducha.Secondment.Units;
using Ducha.Secondment.Application.Organization;
using Ducha.Secondment.Application.Supervision;
using Ducha.Secondment.Cases;

namespace Microsoft.Extensions.Hosting;

/// <summary>The secondment service as a unit that its own host and the standalone host both mount.</summary>
public static class SecondmentModule
{
    public const string AppId = "secondment";

    public static IHostApplicationBuilder AddSecondmentService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SecondmentDbContext>(AppId);
        // Events commit with their change through the outbox.
        builder.AddEventBus().AddOutbox<SecondmentDbContext>(AppId);
        builder.Services.AddScoped<RegisterCadre>();
        // The level's hash-chained history every secondment, evaluation and draw appends to.
        builder.Services.AddScoped<Ducha.Secondment.Application.History.ISecondmentHistory, Ducha.Secondment.Application.History.SecondmentHistory>();
        builder.Services.AddScoped<Ducha.Secondment.Application.History.ReadHistory>();
        // ——— Secondments, rotation and evaluations ———
        builder.Services.AddSingleton(SecondmentSettings.From(builder.Configuration));
        builder.Services.AddScoped<SecondmentReach>();
        builder.Services.AddScoped<ReadSecondments>();
        builder.Services.AddScoped<SecondCadre>();
        builder.Services.AddScoped<EndSecondment>();
        builder.Services.AddScoped<PlanRotation>();
        builder.Services.AddScoped<RecordEvaluation>();
        builder.Services.AddScoped<ListAnnualAssessments>();
        builder.Services.AddSingleton<SecondmentWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SecondmentWatch>());
        builder.Services.AddSingleton<Ducha.BuildingBlocks.Time.IClockWatch>(sp => sp.GetRequiredService<SecondmentWatch>());
        // The unit registers live in the cases service: a cadre's home unit is checked there, as the person filing it.
        builder.Services.AddServiceClient<Ducha.Contracts.Cases.V1.Units.UnitsClient>("cases", AppId);
        builder.Services.AddScoped<IUnitRegister, CasesUnitRegister>();
        // ——— The inspection's organization and supervision requests ———
        builder.Services.AddScoped<SetOrganization>();
        builder.Services.AddScoped<GetOrganization>();
        builder.Services.AddSingleton(SupervisionTerms.From(builder.Configuration));
        builder.Services.AddScoped<GroupMembership>();
        builder.Services.AddScoped<RequestSupervision>();
        builder.Services.AddScoped<ResolveSupervision>();
        builder.Services.AddScoped<ListSupervisionRequests>();
        // A supervision request names a case of the level: the cases service says whether the person filing may see it.
        builder.Services.AddServiceClient<SecondmentCasesClient>("cases", AppId);
        builder.Services.AddScoped<ICaseDirectory, CasesCaseDirectory>();
        // ——— 双随机一公开 draws ———
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.AddTarget>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.ListTargets>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.AddInspector>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.ListInspectors>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.MakeDraw>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.GetDraw>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.ListDraws>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.RecordFinding>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.RevealDraw>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.VerifyDraw>();
        // ——— end draws ———
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("ducha.secondment.v1.Secondment", r => r.Tags.Contains(AppId) || r.Tags.Contains("live")));
        return builder;
    }

    public static IEndpointRouteBuilder MapSecondmentService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        endpoints.MapGrpcService<SecondmentGrpcService>();
        return endpoints;
    }
}
