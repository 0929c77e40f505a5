using Ducha.Reference.Api;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ducha.Reference;

public static class ReferenceRegistration
{
    /// <summary>The tree and the calendar, loaded once per process from the data shipped in this assembly.</summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => JurisdictionTree.LoadEmbedded());
        services.TryAddSingleton(_ => WorkingCalendar.LoadEmbedded());
        services.TryAddSingleton<TaskDelivery>();
        services.TryAddSingleton<ReferenceQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReferenceRestApi();
        endpoints.MapGrpcService<ReferenceGrpcService>().AllowAnonymous();
        return endpoints;
    }
}
