using System.CommandLine;

namespace Ducha.Drill.Target;

/// <summary>The options that point a command at a running AppHost's resource service, the same for run, chaos and load.</summary>
public static class AppHostOptions
{
    public const string KeyVariable = "ASPIRE_DASHBOARD_RESOURCESERVICE_APIKEY";

    public static Option<Uri?> Address(Uri? byDefault = null) => new("--apphost")
    {
        Description = "AppHost 资源服务地址（ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL，启动配置中为 http://localhost:20263）：各服务地址由此得知",
        CustomParser = DrillCommands.Address,
        DefaultValueFactory = _ => byDefault,
    };

    public static Option<string?> Key() => new("--apphost-key")
    {
        Description = $"资源服务密钥：与启动 AppHost 时的 {KeyVariable} 相同（默认取本进程的该环境变量）",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(KeyVariable),
    };
}
