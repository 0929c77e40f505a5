using Ducha.Testing;
using System.Net;
using System.Net.Sockets;
using Ducha.Standalone;
using Ducha.Identity;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests;

/// <summary>The standalone host, started in-process on a free port with its own data folder.</summary>
public class StandaloneFixture : IAsyncLifetime
{
    private StandaloneTestHost _host = null!;
    private WebApplication _app = null!;

    /// <summary>
    /// The host's clock starts at 10:00 on Friday 27 September 2024, the working day before the National Day week, so
    /// deadlines cross a public holiday whatever day the suite runs; it then ticks in real time.
    /// </summary>
    public static readonly DateTimeOffset Now = new(2024, 9, 27, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Where the host's clock starts: <see cref="Now"/> unless a fixture for another moment says otherwise.</summary>
    protected virtual DateTimeOffset Start => Now;

    /// <summary>What a fixture adds to the host before it starts (a middleware that counts calls, say).</summary>
    protected virtual void Configure(WebApplicationBuilder builder) { }

    public Uri Address { get; private set; } = null!;
    public GrpcChannel Channel { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    /// <summary>Calls as the Jiangsu provincial office, which reaches every jurisdiction the tests use.</summary>
    public CallInvoker Invoker { get; private set; } = null!;
    public TokenIssuer Tokens => _app.Services.GetRequiredService<TokenIssuer>();

    public CallInvoker As(string jurisdictionCode, string role = "office", string? unit = null, string? subject = null) =>
        Channel.Intercept(metadata =>
        {
            metadata.Add("Authorization", "Bearer " + Tokens.Issue(jurisdictionCode, role, subject ?? $"test-{role}-{jurisdictionCode}", unit: unit));
            return metadata;
        });

    /// <summary>Calls as a handler of <paramref name="unit"/>, a handling unit at <paramref name="jurisdictionCode"/>.</summary>
    public CallInvoker AsUnit(string jurisdictionCode, string unit) => As(jurisdictionCode, "handler", unit);

    /// <summary>The deadline watch of the running host, to run a pass as of a chosen moment.</summary>
    public Ducha.Cases.Application.DeadlineWatch DeadlineWatch => _app.Services.GetRequiredService<Ducha.Cases.Application.DeadlineWatch>();
    public Microsoft.Extensions.Configuration.IConfiguration Configuration => _app.Configuration;
    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _host = await StandaloneTestHost.StartAsync(Start, ["--EventBus:OutboxPollInterval=00:00:00.200", "--Exposure:CaseOpenerPollInterval=00:00:00.500"], Configure);
        _app = _host.App;
        Address = _host.Address;
        Channel = GrpcChannel.ForAddress(Address);
        Http = new HttpClient { BaseAddress = Address };
        Invoker = As("320000");
    }

    /// <summary>Counts rows of <typeparamref name="TEntity"/> straight from the service's database.</summary>
    public async Task<int> CountAsync<TContext, TEntity>() where TContext : DbContext where TEntity : class
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<TEntity>().CountAsync();
    }

    /// <summary>Runs SQL straight against a service's database, as someone with access to the file could.</summary>
    public async Task<int> ExecuteSqlAsync<TContext>(FormattableString sql) where TContext : DbContext
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Database.ExecuteSqlAsync(sql);
    }

    public async Task<List<T>> QueryAsync<TContext, T>(Func<TContext, IQueryable<T>> query) where TContext : DbContext
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>()).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await _host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StandaloneCollection : ICollectionFixture<StandaloneFixture>
{
    public const string Name = "standalone";
}
