using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

/// <summary>A SQLite file in WAL mode in a folder of its own, opened as the services open theirs (<see cref="DatabaseRegistration.UseServiceDatabase"/>).</summary>
public sealed class SqliteTestFile : IDisposable
{
    /// <summary>Far below the 30 s a lost turn at the write lock would cost (its patience), far above any honest wait here.</summary>
    public static readonly TimeSpan Stuck = TimeSpan.FromSeconds(10);

    private readonly DirectoryInfo _folder;
    private readonly DatabaseLocation _location;
    // Built once, as a host builds a store's: the file's saves then meet in one commit group (CommitGroup).
    private readonly DbContextOptions<TestDbContext> _options;

    public SqliteTestFile(string name)
    {
        _folder = Directory.CreateTempSubdirectory($"ducha-{name}-");
        Path = System.IO.Path.Combine(_folder.FullName, name + ".db");
        _location = new DatabaseLocation(DatabaseProvider.Sqlite, $"Data Source={Path};Pooling=True");
        _options = (DbContextOptions<TestDbContext>)new DbContextOptionsBuilder<TestDbContext>().UseServiceDatabase(_location).Options;
        using var db = Open();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public string ConnectionString => _location.ConnectionString;

    public TestDbContext Open() => new(_options);

    /// <summary>The file itself and its write-ahead log, which SQLite removes when the last connection to the file closes.</summary>
    public string Path { get; }

    public string WalPath => Path + "-wal";

    /// <summary>Closes the file's writer, as a host's disposal does (<see cref="SqliteWriterRelease{TContext}"/>).</summary>
    public Task ReleaseWriterAsync() => CommitGroup.ReleaseAsync(_options);

    /// <summary>The file's commit group, for tests that watch saves line up in it.</summary>
    internal CommitGroup Group
    {
        get
        {
            using var db = Open();
            return CommitGroup.For(db);
        }
    }

    /// <summary>
    /// Takes the file's write lock: a context with an open transaction that has written the row "held". Every other
    /// writer waits until the transaction ends; the caller disposes the context.
    /// </summary>
    public async Task<(TestDbContext Holder, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction)> HoldWriteLockAsync()
    {
        var holder = Open();
        var transaction = await holder.Database.BeginTransactionAsync();
        holder.Tallies.Add(new Tally { Key = "held" });
        await holder.SaveChangesAsync();
        return (holder, transaction);
    }

    public void Dispose()
    {
        ReleaseWriterAsync().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(true);
    }
}
