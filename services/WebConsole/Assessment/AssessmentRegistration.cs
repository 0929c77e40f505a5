namespace Ducha.WebConsole.Assessment;

public static class AssessmentRegistration
{
    /// <summary>The 考核 pages' reads and commands, per request with the person's token.</summary>
    public static IServiceCollection AddAssessmentPages(this IServiceCollection services)
    {
        services.AddScoped<AssessmentDeskQuery>();
        services.AddScoped<SchemeSheetQuery>();
        services.AddScoped<IndicatorsQuery>();
        services.AddScoped<ScoreSheetQuery>();
        services.AddScoped<RankingQuery>();
        services.AddScoped<AssessmentCommands>();
        return services;
    }
}
