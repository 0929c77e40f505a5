using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Ducha.Drill.Target;

/// <summary>
/// The deployment a drill drives, by URL: one for the standalone host, or one per service (cases, exposure, assessment,
/// secondment, disclosure) for a distributed one. People act with tokens from the deployment's development issuer
/// (<c>POST /dev/tokens</c>), so a drill runs only against a Development deployment — never a province's production.
/// </summary>
public sealed class DrillTarget : IAsyncDisposable
{
    private readonly Dictionary<string, Uri> _services;
    private readonly Dictionary<Uri, GrpcChannel> _channels = [];
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new(StringComparer.Ordinal);

    /// <param name="outages">Given when processes are being killed under the drill: calls then wait out outages (see <see cref="PatientInterceptor"/>).</param>
    public DrillTarget(Uri defaultAddress, IReadOnlyDictionary<string, Uri>? services = null, DrillOutages? outages = null)
    {
        Outages = outages;
        _services = new(StringComparer.Ordinal);
        foreach (var name in ServiceNames) _services[name] = services?.GetValueOrDefault(name) ?? defaultAddress;
        Http = new HttpClient { BaseAddress = _services["cases"], Timeout = TimeSpan.FromMinutes(2) };
        Disclosure = new HttpClient { BaseAddress = _services["disclosure"], Timeout = TimeSpan.FromMinutes(1) };
    }

    public DrillOutages? Outages { get; }

    public static readonly string[] ServiceNames = ["cases", "exposure", "assessment", "secondment", "disclosure"];

    /// <summary>The cases service's HTTP side: development tokens and, on the standalone host, the development clock.</summary>
    public HttpClient Http { get; }

    /// <summary>Disclosure's public site.</summary>
    public HttpClient Disclosure { get; }

    public Uri AddressOf(string service) => _services[service];

    /// <summary>Anonymous calls (the reference data) to <paramref name="service"/>.</summary>
    public CallInvoker Anonymous(string service) => Patient(Channel(service).CreateCallInvoker());

    /// <summary>Calls to <paramref name="service"/> as <paramref name="person"/>.</summary>
    public CallInvoker As(string service, Person person) =>
        Patient(Channel(service).CreateCallInvoker().Intercept(new BearerInterceptor(() => TokenAsync(person))));

    private CallInvoker Patient(CallInvoker invoker) => invoker.Intercept(new PatientInterceptor(Outages));

    private GrpcChannel Channel(string service)
    {
        var address = _services[service];
        lock (_channels)
        {
            if (!_channels.TryGetValue(address, out var channel))
                _channels[address] = channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
            return channel;
        }
    }

    /// <summary>One token per person for the whole drill (they last longer than a drill's wall-clock time).</summary>
    private async Task<string> TokenAsync(Person person)
    {
        var token = _tokens.GetOrAdd(person.Key, _ => IssueAsync(person));
        try { return await token; }
        catch (HttpRequestException) when (Outages is not null)
        {
            // Cases was down when the first call needed the token: forget the failure so the next call asks again.
            _tokens.TryRemove(new KeyValuePair<string, Task<string>>(person.Key, token));
            throw new RpcException(new Status(StatusCode.Unavailable, "the token issuer did not answer"));
        }
    }

    private async Task<string> IssueAsync(Person person)
    {
        var query = $"jurisdiction={person.JurisdictionCode}&role={person.Role}&subject={Uri.EscapeDataString(person.Subject)}"
            + (person.Unit is null ? "" : $"&unit={Uri.EscapeDataString(person.Unit)}");
        using var response = await Http.PostAsync("/dev/tokens?" + query, null);
        if (!response.IsSuccessStatusCode) throw await DrillSetupException.TokenRefusedAsync(response, person.JurisdictionCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
        Http.Dispose();
        Disclosure.Dispose();
        await Task.CompletedTask;
    }
}

/// <summary>Who acts: a jurisdiction's office, a handling unit's staff, an organization department, an inspection team member.</summary>
public sealed record Person(string JurisdictionCode, string Role, string? Unit = null, string? Subject = null)
{
    public string Subject { get; } = Subject ?? $"drill-{Role}-{JurisdictionCode}" + (Unit is null ? "" : "-" + Unit);
    public string Key => $"{JurisdictionCode}|{Role}|{Unit}|{Subject}";

    public static Person Office(string code) => new(code, "office");
    public static Person Handler(string code, string unit) => new(code, "handler", unit);
}
