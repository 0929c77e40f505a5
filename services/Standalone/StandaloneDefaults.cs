using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ducha.Standalone;

/// <summary>The embedded default: one port, SQLite files, the in-memory bus, every service discoverable at itself.</summary>
public static class StandaloneDefaults
{
    public const string DefaultUrl = "http://localhost:8263";
    public static readonly string[] ServiceNames = ["cases", "exposure", "assessment", "secondment", "disclosure"];

    public static WebApplicationBuilder UseStandaloneDefaults(this WebApplicationBuilder builder)
    {
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = DefaultUrl;
            builder.WebHost.UseUrls(urls);
        }

        // gRPC between the hosted services still goes through the network stack, to this very process, so the code
        // path is the one a distributed deployment takes; only the addresses differ.
        var self = SelfAddress(urls);
        var settings = new Dictionary<string, string?>();
        foreach (var name in ServiceNames)
        {
            if (string.IsNullOrEmpty(builder.Configuration[$"services:{name}:http:0"]))
                settings[$"services:{name}:http:0"] = self;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    /// <summary>The first configured URL, with wildcard hosts replaced by loopback so a client can dial it.</summary>
    public static string SelfAddress(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return first.Replace("://*", "://localhost").Replace("://+", "://localhost")
            .Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://[::1]").TrimEnd('/');
    }

    /// <summary>
    /// Tells the person at the terminal, in Chinese, where the system answers; the console (<c>/</c>) is the web
    /// application for people, mounted by <c>MapWebConsole</c>.
    /// </summary>
    public static WebApplication MapStandaloneBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var listening = string.Join("、", addresses);
            Console.WriteLine($"督察（Ducha）单机版已启动：案件、曝光、考核、抽调、公开五项服务同在 {listening}（gRPC 与 REST 共用此端口）。");
            Console.WriteLine($"工作台（网页）：{string.Join("、", addresses.Select(a => a.TrimEnd('/') + "/"))}{(app.Environment.IsDevelopment() ? "（开发环境，在登录页选择行政区和角色即可登录）" : "")}");
            Console.WriteLine("健康检查：/health；按 Ctrl+C 停止。");
        });
        return app;
    }
}
