using System.Diagnostics.Metrics;

namespace Ducha.Persistence;

/// <summary>The store's own instruments, exported with the service's other <c>Ducha.*</c> meters.</summary>
internal static class PersistenceMetrics
{
    private static readonly Meter Meter = new("Ducha.Persistence");

    public static readonly Histogram<int> CommitGroupSaves = Meter.CreateHistogram<int>("ducha.db.commit_group.saves",
        description: "SaveChanges calls committed together in one SQLite transaction");

    /// <summary>Tagged <c>compiled</c>: <c>reused</c> when a statement SQLite compiled before ran again, <c>new</c> when it was compiled for the run.</summary>
    public static readonly Counter<long> SqliteStatements = Meter.CreateCounter<long>("ducha.db.sqlite.statements",
        description: "SQL texts taken to run on a SQLite store's connection, by whether a compiled statement was idle for them");
}
