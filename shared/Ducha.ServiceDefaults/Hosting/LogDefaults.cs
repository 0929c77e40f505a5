using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Ducha.ServiceDefaults.Hosting;

/// <summary>
/// The log levels every service and the standalone host start from (their one home): the framework's lines
/// for each request (four per call), each EF command, each HTTP client call and each resilience attempt at Warning, the
/// services' own lines at Information. Without them a service wrote four lines per call to its console (in the fault
/// drill, two cases replicas and disclosure at 40 complaints a second, all of it read by the test).
/// They are the lowest-priority configuration, so an appsettings file or a <c>Logging__LogLevel__*</c> variable still decides.
/// </summary>
internal static class LogDefaults
{
    private static readonly Dictionary<string, string?> Levels = new(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
    };

    public static void Apply(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
}
