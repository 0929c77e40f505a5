using SQLitePCL;

namespace Ducha.Persistence;

/// <summary>
/// Keeps SQLite's statement journals in memory up to <see cref="SpillBytes"/> instead of 64 KiB. A commit group writes each
/// save under a savepoint (<see cref="CommitGroup"/>), and SQLite copies every page a save changes into the savepoint's
/// journal, on the way to undoing it; past 64 KiB that journal is a temporary file: during CreateCase with 8 callers it
/// took more <c>pwrite</c>s than the cases store's own log, and a file created and deleted for every few groups. One
/// save's pages are rarely more than a few hundred KiB; a larger one (a batch) still spills to a file past the limit.
/// A setting of the native library, for the whole process, taken only before its first connection opens.
/// </summary>
public static class SqliteStatementJournal
{
    public const int SpillBytes = 8 * 1024 * 1024;
    private const int ConfigStatementJournalSpill = 26; // SQLITE_CONFIG_STMTJRNL_SPILL
    private static readonly Lazy<int> Configured = new(() =>
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(ConfigStatementJournalSpill, SpillBytes);
    });

    /// <summary>True when the limit is set; false when a connection opened before it could be (SQLite then keeps 64 KiB).</summary>
    public static bool Apply() => Configured.Value == raw.SQLITE_OK;
}
