using Microsoft.Extensions.DependencyInjection;

namespace Ducha.WebConsole.Data;

internal static class ConsoleStoreScopes
{
    /// <summary>
    /// Runs <paramref name="work"/> on a context of its own: the store's users are singletons (the cookie handler's
    /// ticket store) or outlive one request's work (a form's claim is settled after the service answers).
    /// </summary>
    public static async Task<T> WithConsoleDbAsync<T>(this IServiceScopeFactory scopes, Func<WebConsoleDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WebConsoleDbContext>());
    }

    public static async Task WithConsoleDbAsync(this IServiceScopeFactory scopes, Func<WebConsoleDbContext, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<WebConsoleDbContext>());
    }
}
