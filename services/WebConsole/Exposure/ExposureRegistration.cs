namespace Ducha.WebConsole.Exposure;

public static class ExposureRegistration
{
    /// <summary>The 曝光 pages' reads and commands, per request with the person's token.</summary>
    public static IServiceCollection AddExposurePages(this IServiceCollection services)
    {
        services.AddScoped<ExposureHomeQuery>();
        services.AddScoped<ColumnWeekQuery>();
        services.AddScoped<FollowUpsQuery>();
        services.AddScoped<ExposureCommands>();
        return services;
    }
}
