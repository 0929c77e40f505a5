using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ducha.Persistence;

/// <summary>
/// Whether a failed save lost a race with another writer (a row changed since it was read, a key someone else took,
/// a store busy past its timeout) — worth reading again and retrying — rather than a defect that a retry would repeat.
/// </summary>
public static class StoreConflict
{
    private const int SqliteConstraint = 19, SqliteBusy = 5, SqliteLocked = 6;

    public static bool IsConflict(this DbUpdateException exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        { InnerException: SqliteException sqlite } => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked
            || sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is 1555 or 2067, // primary key, unique
        { InnerException: PostgresException postgres } => postgres.SqlState is PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };
}
