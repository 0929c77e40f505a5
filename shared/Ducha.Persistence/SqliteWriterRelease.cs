using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Ducha.Persistence;

/// <summary>
/// Closes a store's writer (<see cref="CommitGroup"/>) as its host is disposed, after every hosted service has stopped, so
/// a stopped host leaves no connection open on its file. A hosted service only so that the host creates it, and with it
/// disposes it.
/// </summary>
internal sealed class SqliteWriterRelease<TContext>(DbContextOptions<TContext> options) : IHostedService, IAsyncDisposable
    where TContext : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => new(CommitGroup.ReleaseAsync(options));
}
