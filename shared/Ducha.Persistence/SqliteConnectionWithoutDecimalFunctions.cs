using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ducha.Persistence;

/// <summary>
/// EF's SQLite connection without the functions it registers for <c>decimal</c> arithmetic and <c>Regex</c>
/// (<c>ef_add</c>, <c>ef_compare</c>, <c>regexp</c> …). Microsoft.Data.Sqlite registers them on the native connection at
/// every open and removes them at every close, and EF opens and closes around each query: in a trace of 8 callers
/// reading cases, that was 40 % of a GetCase's CPU. No model here maps a <c>decimal</c> or queries by <c>Regex</c>
/// (<c>ModelGuardTests</c> keeps it so), so nothing ever calls them.
/// </summary>
#pragma warning disable EF1001 // EF's own SQLite connection is internal API; its constructor is pinned by the package version.
public sealed class SqliteConnectionWithoutDecimalFunctions(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger) : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutDecimalFunctions>();

    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}
#pragma warning restore EF1001
