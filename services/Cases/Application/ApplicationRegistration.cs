using Ducha.Cases.Application.Units;
using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application;

public static class ApplicationRegistration
{
    /// <summary>Every use case, scoped to a request (one unit of work each), and the rules they share.</summary>
    public static IServiceCollection AddCaseUseCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(CaseRuleSettings.From(configuration));
        services.AddSingleton(sp => new AssignmentRules(sp.GetRequiredService<JurisdictionTree>(), sp.GetRequiredService<WorkingCalendar>(),
            sp.GetRequiredService<TaskDelivery>(), sp.GetRequiredService<CaseRuleSettings>().ReportingMarginWorkingDays));
        services.AddSingleton<CaseViews>();
        services.AddScoped<CaseJournal>();
        services.AddScoped<VisibleCases>();
        services.AddScoped<ReceiveComplaint>();
        services.AddScoped<AssignDown>();
        services.AddScoped<AssignDownBatch>();
        services.AddScoped<GetAssignmentTerms>();
        services.AddScoped<ReturnCase>();
        services.AddScoped<ReportHandling>();
        services.AddScoped<VerifyReport>();
        services.AddScoped<Supervise>();
        services.AddScoped<VerifyStopMeasure>();
        services.AddScoped<CloseCase>();
        services.AddScoped<RecordAccountability>();
        services.AddScoped<ReferClue>();
        services.AddScoped<OpenExposureCase>();
        services.AddScoped<GetPublicCaseFacts>();
        services.AddScoped<ReporterValueMatching>();
        services.AddScoped<MatchReporterValues>();
        services.AddScoped<MatchReporterValuesForCases>();
        services.AddScoped<GetCase>();
        services.AddScoped<GetCaseFile>();
        services.AddScoped<ListCases>();
        services.AddScoped<ListHeldCases>();
        services.AddScoped<CountCases>();
        services.AddScoped<CountCasesOverTime>();
        services.AddScoped<CaseHistoryQuery>();
        services.AddScoped<Secondments.SecondedHandlers>();
        services.AddScoped<UnitRegisters>();
        services.AddScoped<ListUnits>();
        services.AddScoped<RegisterUnit>();
        services.AddScoped<RetireUnit>();
        return services;
    }

    /// <summary>The deadline watch, running in the background of the service that owns the cases.</summary>
    public static IServiceCollection AddDeadlineWatch(this IServiceCollection services)
    {
        services.AddSingleton<DeadlineWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatch>());
        services.AddSingleton<Ducha.BuildingBlocks.Time.IClockWatch>(sp => sp.GetRequiredService<DeadlineWatch>());
        return services;
    }
}
