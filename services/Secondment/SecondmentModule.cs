using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.Hosting;
using Ducha.Secondment.Data;
using Ducha.Secondment.Application;
using Ducha.Secondment.Grpc;
using Ducha.Secondment.Units;

namespace Microsoft.Extensions.Hosting;

/// <summary>The secondment service as a unit that its own host and the standalone host both mount.</summary>
public static class SecondmentModule
{
    public const string AppId = "secondment";

    public static IHostApplicationBuilder AddSecondmentService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SecondmentDbContext>(AppId);
        // Nothing is published yet; the outbox tables and relay are in place so that later events commit with their change.
        builder.AddEventBus().AddOutbox<SecondmentDbContext>(AppId);
        builder.Services.AddScoped<RegisterCadre>();
        // The level's hash-chained history every secondment, evaluation and draw appends to.
        builder.Services.AddScoped<Ducha.Secondment.Application.History.ISecondmentHistory, Ducha.Secondment.Application.History.SecondmentHistory>();
        builder.Services.AddScoped<Ducha.Secondment.Application.History.ReadHistory>();
        // The unit registers live in the cases service: a cadre's home unit is checked there, as the person filing it.
        builder.Services.AddServiceClient<Ducha.Contracts.Cases.V1.Units.UnitsClient>("cases", AppId);
        builder.Services.AddScoped<IUnitRegister, CasesUnitRegister>();
        // ——— 双随机一公开 draws ———
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.AddTarget>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.ListTargets>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.AddInspector>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.ListInspectors>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.MakeDraw>();
        builder.Services.AddScoped<Ducha.Secondment.Application.Draws.GetDraw>();
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
