using System.Collections.Concurrent;
using Ducha.Drill.Chaos.Aspire;
using Ducha.Drill.Target;
using Grpc.Core;
using Grpc.Net.Client;

namespace Ducha.Drill.Chaos;

/// <summary>One resource of the AppHost as its resource service last described it.</summary>
public sealed record AppResource(string Name, string Type, string DisplayName, string State, int? Pid, IReadOnlyList<string> Urls,
    bool Healthy, IReadOnlyList<string> EnabledCommands, string? ConnectionString = null)
{
    public bool Running => State == "Running";

    public static AppResource From(Resource resource) => new(
        resource.Name, resource.ResourceType, resource.DisplayName, resource.State ?? "",
        resource.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid ? PidOf(pid) : null,
        [.. resource.Urls.Where(u => !u.IsInternal).Select(u => u.FullUrl)],
        resource.HealthReports.All(h => !h.HasStatus || h.Status == HealthStatus.Healthy) && resource.HealthReports.All(h => h.HasStatus),
        [.. resource.Commands.Where(c => c.State == ResourceCommandState.Enabled).Select(c => c.Name)],
        resource.Properties.FirstOrDefault(p => p.Name == "resource.connectionString")?.Value?.StringValue);

    private static int? PidOf(Google.Protobuf.WellKnownTypes.Value value) => value.KindCase switch
    {
        Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NumberValue => (int)value.NumberValue,
        Google.Protobuf.WellKnownTypes.Value.KindOneofCase.StringValue when int.TryParse(value.StringValue, out var pid) => pid,
        _ => null,
    };
}

/// <summary>
/// The AppHost's resource service (the one its dashboard reads, <c>ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL</c>): a live view
/// of every resource kept from its watch stream, and the start command the dashboard's button runs. The AppHost asks for
/// its API key (<c>ASPIRE_DASHBOARD_RESOURCESERVICE_APIKEY</c>) in the <c>x-resource-service-api-key</c> header.
/// </summary>
public sealed class AppHostResources : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly DashboardService.DashboardServiceClient _client;
    private readonly Metadata _headers;
    private readonly ConcurrentDictionary<string, AppResource> _resources = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _initial = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _watch = Task.CompletedTask;

    private AppHostResources(Uri address, string? apiKey)
    {
        _channel = GrpcChannel.ForAddress(address);
        _client = new DashboardService.DashboardServiceClient(_channel);
        _headers = apiKey is { Length: > 0 } ? new Metadata { { "x-resource-service-api-key", apiKey } } : [];
    }

    /// <summary>
    /// Watches the AppHost at <paramref name="address"/> once it has sent its resources. An address that sends none within
    /// <paramref name="patience"/> (30 s unless given), or a key it refuses, is the operator's to mend: said in one line
    /// (<see cref="DrillSetupException"/>).
    /// </summary>
    public static async Task<AppHostResources> ConnectAsync(Uri address, string? apiKey, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        var resources = new AppHostResources(address, apiKey);
        resources._watch = resources.WatchAsync();
        var wait = patience ?? TimeSpan.FromSeconds(30);
        try
        {
            if (await Task.WhenAny(resources._initial.Task, Task.Delay(wait, cancellationToken)) != resources._initial.Task)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new DrillSetupException($"{address} 在 {wait.TotalSeconds:0} 秒内没有发来资源列表：--apphost 须为运行中的 AppHost 的资源服务地址（ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL）。");
            }
            await resources._initial.Task;
            return resources;
        }
        catch
        {
            // The watch stops with the attempt, whether nothing came, the key was refused or the caller gave up.
            await resources.DisposeAsync();
            throw;
        }
    }

    public IReadOnlyCollection<AppResource> All => [.. _resources.Values];

    /// <summary>The resources shown as <paramref name="displayName"/>: one, or one per replica.</summary>
    public IReadOnlyList<AppResource> Named(string displayName) =>
        [.. _resources.Values.Where(r => r.DisplayName == displayName || r.Name == displayName).OrderBy(r => r.Name, StringComparer.Ordinal)];

    public AppResource Current(string name) => _resources[name];

    /// <summary>Runs the resource's start command (the AppHost's own, so its logs and health keep following the process).</summary>
    public async Task StartAsync(string name, CancellationToken cancellationToken)
    {
        var resource = _resources[name];
        var command = resource.EnabledCommands.FirstOrDefault(c => c is "start" or "resource-start")
            ?? throw new InvalidOperationException($"{name} offers no start command now (state {resource.State}; commands {string.Join(", ", resource.EnabledCommands)}).");
        var answer = await _client.ExecuteResourceCommandAsync(new ResourceCommandRequest
            { CommandName = command, ResourceName = name, ResourceType = resource.Type }, _headers, cancellationToken: cancellationToken);
        if (answer.Kind != ResourceCommandResponseKind.Succeeded)
            throw new InvalidOperationException($"starting {name}: {answer.Kind} {answer.ErrorMessage}");
    }

    /// <summary>The last <paramref name="lines"/> lines the resource wrote (across its restarts), to show why it did not come back.</summary>
    public async Task<IReadOnlyList<string>> LogTailAsync(string name, int lines, CancellationToken cancellationToken)
    {
        var tail = new Queue<string>();
        using var call = _client.WatchResourceConsoleLogs(new WatchResourceConsoleLogsRequest { ResourceName = name, SuppressFollow = true }, _headers,
            cancellationToken: cancellationToken);
        await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
            foreach (var line in update.LogLines)
            {
                tail.Enqueue(line.Text);
                if (tail.Count > lines) tail.Dequeue();
            }
        return [.. tail];
    }

    /// <summary>
    /// Waits until every named resource has a replica running, healthy and (for the services) published at an address:
    /// an AppHost just started is still bringing its processes up. One that never comes up stops the drill before it begins.
    /// </summary>
    public async Task ReadyAsync(IEnumerable<string> names, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var waiting = names.ToList();
        while ((waiting = [.. waiting.Where(n => !Named(n).Any(r => r.Running && r.Healthy))]).Count > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new DrillSetupException($"AppHost 的 {string.Join("、", waiting)} 在 {timeout.TotalSeconds:0} 秒内未运行且健康（drill chaos --list 列出各资源的状态）。");
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="ready"/> holds for the resource, or throws after <paramref name="timeout"/>.</summary>
    public async Task<AppResource> WaitAsync(string name, Func<AppResource, bool> ready, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_resources.TryGetValue(name, out var resource) && ready(resource)) return resource;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{name} not ready after {timeout.TotalSeconds:0} s (state {resource?.State}, healthy {resource?.Healthy}).");
            if (_watch.IsFaulted) await _watch;
            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task WatchAsync()
    {
        var reconnect = false;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var call = _client.WatchResources(new WatchResourcesRequest { IsReconnect = reconnect }, _headers, cancellationToken: _stop.Token);
                await foreach (var update in call.ResponseStream.ReadAllAsync(_stop.Token))
                {
                    if (update.KindCase == WatchResourcesUpdate.KindOneofCase.InitialData)
                    {
                        foreach (var resource in update.InitialData.Resources) _resources[resource.Name] = AppResource.From(resource);
                        _initial.TrySetResult();
                        continue;
                    }
                    foreach (var change in update.Changes.Value)
                    {
                        if (change.KindCase == WatchResourcesChange.KindOneofCase.Upsert) _resources[change.Upsert.Name] = AppResource.From(change.Upsert);
                        else _resources.TryRemove(change.Delete.ResourceName, out _);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { return; }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated || e.StatusCode == StatusCode.PermissionDenied)
            {
                _initial.TrySetException(new DrillSetupException(
                    "AppHost 拒绝了资源服务密钥：以 ASPIRE_DASHBOARD_RESOURCESERVICE_APIKEY 启动 AppHost，并以 --apphost-key 给出同一密钥。"));
                return;
            }
            catch (RpcException) when (!_stop.IsCancellationRequested)
            {
                await Task.Delay(500);
            }
            reconnect = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _watch; } catch (Exception) { /* the watch ends with the drill */ }
        _channel.Dispose();
        _stop.Dispose();
    }
}
