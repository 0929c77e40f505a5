using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Data;
using Grpc.Core;

namespace Ducha.WebConsole.Components.Forms;

/// <summary>What a form post came to: the service's refusal, or where the page goes next.</summary>
public sealed record FormOutcome(ServiceRefusal? Refusal, string? Next);

/// <summary>
/// The outcome of each form post, by the key the form carried, for ten minutes: a double click's second post waits for
/// the first and gets its outcome, so nothing is done twice — on whichever replica each post lands, since the form is
/// claimed in the console's database (<see cref="FormClaims"/>). Most calls behind the forms take no idempotency key,
/// so the console keeps this itself. A refusal is remembered too, but a form shown again after one carries a new key.
/// </summary>
public sealed class FormSubmissions(FormClaims claims)
{
    /// <summary>
    /// How long a second post waits for the first one's outcome: longer than one call to a service may take (the standard
    /// resilience pipeline gives up after 30 seconds), so it gives up only when the first replica died mid-call.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(35);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs <paramref name="submit"/> once per <paramref name="key"/>; null when the service accepted.</summary>
    public async Task<ServiceRefusal?> OnceAsync(string key, Func<Task> submit) =>
        (await OnceAsync(key, async () =>
        {
            await submit();
            return null;
        })).Refusal;

    /// <summary>
    /// Runs <paramref name="submit"/> once per <paramref name="key"/>: every post of the key gets the refusal, or what the
    /// accepted call answered (where to go next — a draft's page, say, which only the first post learnt).
    /// </summary>
    public async Task<FormOutcome> OnceAsync(string key, Func<Task<string?>> submit)
    {
        var claim = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < Patience)
        {
            if (await claims.TryClaimAsync(claim, CancellationToken.None)) return await ActAsync(claim, submit);
            FormClaimOutcome? outcome;
            while ((outcome = await claims.ReadAsync(claim, CancellationToken.None)) is { Settled: false } && Stopwatch.GetElapsedTime(started) < Patience)
                await Task.Delay(PollInterval);
            if (outcome is { Settled: true }) return new FormOutcome(outcome.Refusal is null ? null : Read(outcome.Refusal), outcome.Next);
            // Gone unsettled: the first post reached no one and let go, so this one may act.
        }
        throw new RpcException(new Status(StatusCode.Unavailable, "The same form was posted before and its outcome never came."));
    }

    private async Task<FormOutcome> ActAsync(string claim, Func<Task<string?>> submit)
    {
        FormOutcome outcome;
        try
        {
            outcome = new FormOutcome(null, await submit());
        }
        catch (RpcException ex) when (ServiceRefusal.IsRefusal(ex))
        {
            outcome = new FormOutcome(ServiceRefusal.From(ex), null);
        }
        catch
        {
            // Unreachable or failing: nothing was decided, so the same form may try again.
            await claims.ReleaseAsync(claim);
            throw;
        }
        await claims.SettleAsync(claim, outcome.Refusal is { } refusal ? Write(refusal) : null, outcome.Next);
        return outcome;
    }

    private sealed record StoredRefusal(StatusCode Code, string Message, Dictionary<string, string> Fields);

    private static string Write(ServiceRefusal refusal) =>
        JsonSerializer.Serialize(new StoredRefusal(refusal.Code, refusal.Message, new Dictionary<string, string>(refusal.Fields, StringComparer.Ordinal)));

    private static ServiceRefusal Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredRefusal>(json) ?? throw new InvalidOperationException("A settled form claim holds no refusal.");
        return new ServiceRefusal(stored.Code, stored.Message, stored.Fields);
    }
}
