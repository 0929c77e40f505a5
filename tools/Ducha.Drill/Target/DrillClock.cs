using System.Net.Http.Json;
using System.Text.Json;

namespace Ducha.Drill.Target;

/// <summary>
/// The deployment's time as the drill sees it: the standalone host's development clock when it has one (moved on day by
/// day, every watch passing as it moves), otherwise real time, which the drill waits out.
/// </summary>
public sealed class DrillClock(HttpClient http, bool movable)
{
    public bool Movable => movable;

    public static async Task<DrillClock> DetectAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/dev/clock");
        return new DrillClock(http, response.IsSuccessStatusCode);
    }

    public async Task<DateTimeOffset> NowAsync()
    {
        if (!movable) return DateTimeOffset.UtcNow;
        return (await http.GetFromJsonAsync<JsonElement>("/dev/clock")).GetProperty("now").GetDateTimeOffset();
    }

    /// <summary>Moves the clock to <paramref name="moment"/> (Beijing), every watch making its pass; real time cannot be moved.</summary>
    public async Task MoveToAsync(DateTimeOffset moment)
    {
        if (!movable) throw new InvalidOperationException("this deployment's clock runs at its real speed; the drill cannot move it");
        using var response = await http.PostAsync($"/dev/clock?to={Uri.EscapeDataString(moment.ToString("O"))}", null);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"the development clock refused to move to {moment:O}: {await response.Content.ReadAsStringAsync()}");
    }
}
