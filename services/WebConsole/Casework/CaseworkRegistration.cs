namespace Ducha.WebConsole.Casework;

public static class CaseworkRegistration
{
    /// <summary>The case page's reads and commands (per request, with the person's token) and what they share.</summary>
    public static IServiceCollection AddCasework(this IServiceCollection services)
    {
        services.AddScoped<CaseSheetQuery>();
        services.AddScoped<CaseCommands>();
        services.AddSingleton<HistoryWords>();
        return services;
    }
}
