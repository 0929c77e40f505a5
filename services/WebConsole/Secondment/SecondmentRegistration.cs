using Ducha.BuildingBlocks;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.Secondment;

public static class SecondmentRegistration
{
    /// <summary>The 抽调 pages' reads and commands, per request with the person's token.</summary>
    public static IServiceCollection AddSecondmentPages(this IServiceCollection services)
    {
        services.AddScoped<RosterQuery>();
        services.AddScoped<SecondmentReads>();
        services.AddScoped<CadreCommands>();
        services.AddScoped<InspectionCommands>();
        return services;
    }
}

/// <summary>Who uses the 抽调 pages: the organization department and the office of a level; supervision requests are the office's.</summary>
public static class SecondmentAccess
{
    public static bool MayUse(SignedInPerson person) => person.Role is Role.Organization or Role.Office;

    /// <summary>The office files and resolves supervision requests for its working groups; the organization department reads none.</summary>
    public static bool MaySupervise(SignedInPerson person) => person.Role == Role.Office;
}
