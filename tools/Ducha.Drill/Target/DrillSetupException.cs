using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ducha.Drill.Target;

/// <summary>
/// The deployment will not let the drill begin: it issues no development tokens, refuses the ones asked for, or its
/// AppHost sends no resources or refuses the key. The operator reads the reason in one line (Program), not a stack trace.
/// </summary>
public sealed class DrillSetupException(string message) : Exception(message)
{
    public static async Task<DrillSetupException> TokenRefusedAsync(HttpResponseMessage response, string jurisdictionCode)
    {
        var where = $"{response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Authority)}/dev/tokens";
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            return new($"{where} 不存在：演练须对开发环境（Development）的部署进行，它才签发开发令牌。");
        return new($"{where} 拒绝为 {jurisdictionCode} 签发令牌（{(int)response.StatusCode}）：{await DetailAsync(response)}");
    }

    // The problem details' own words where the deployment gave them (an unknown jurisdiction names itself there).
    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text) return text;
        }
        catch (JsonException) { }
        catch (NotSupportedException) { }
        return response.ReasonPhrase ?? "";
    }
}
