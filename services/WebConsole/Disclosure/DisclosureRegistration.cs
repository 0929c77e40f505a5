namespace Ducha.WebConsole.Disclosure;

public static class DisclosureRegistration
{
    /// <summary>公开's reads and commands, per request with the person's token.</summary>
    public static IServiceCollection AddDisclosure(this IServiceCollection services)
    {
        services.AddScoped<DisclosureDeskQuery>();
        services.AddScoped<BulletinSheetQuery>();
        services.AddScoped<DisclosureCommands>();
        return services;
    }
}
