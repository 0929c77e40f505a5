using Grpc.Core;

namespace Ducha.WebConsole.Calls;

/// <summary>
/// One rule for a page about one thing: whatever the service will not show this person — elsewhere, not reached, no such
/// thing, or an id that is no id — is the same "nothing" to the page, which then answers 404 with no data.
/// </summary>
public static class HiddenAnswers
{
    public static async Task<T?> OrNullWhenHiddenAsync<T>(this AsyncUnaryCall<T> call) where T : class
    {
        try
        {
            return await call;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }
}
