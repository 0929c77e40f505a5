using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Ducha.Services.Tests;

/// <summary>
/// Counts the requests a host receives by path (<c>/ducha.cases.v1.Cases/MatchReporterValuesForCases</c>): in the
/// standalone host one service calls another over the network too, so a test sees how many calls an operation made.
/// </summary>
public sealed class GrpcCallCounter : IStartupFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int this[string path] => _calls.GetValueOrDefault(path);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, rest) =>
        {
            _calls.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            await rest(context);
        });
        next(app);
    };
}
