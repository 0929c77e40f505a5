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

    public SqliteTestFile(string name)
    {
        _folder = Directory.CreateTempSubdirectory($"ducha-{name}-");
        _location = new DatabaseLocation(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder.FullName, name + ".db")};Pooling=True");
        using var db = Open();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public string ConnectionString => _location.ConnectionString;

    public TestDbContext Open()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        options.UseServiceDatabase(_location);
        return new TestDbContext(options.Options);
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(true);
    }
}
