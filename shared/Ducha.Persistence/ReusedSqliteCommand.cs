using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Ducha.Persistence;

/// <summary>
/// A command of a <see cref="StatementCachingSqliteConnection"/>: it runs on a Microsoft.Data.Sqlite command taken from
/// the connection's idle ones by its SQL text, compiled already if that text ran before, and gives it back when disposed.
/// It behaves as a <see cref="SqliteCommand"/> would; a reader still open when it is disposed goes with its command,
/// which is then not kept.
/// </summary>
internal sealed class ReusedSqliteCommand : DbCommand
{
    private readonly StatementCachingSqliteConnection _connection;
    private LinkedListNode<SqliteCommand>? _taken;
    private int _generation;
    private SqliteDataReader? _reader;
    private DbTransaction? _transaction;
    private int _timeout;

    public ReusedSqliteCommand(StatementCachingSqliteConnection connection)
    {
        _connection = connection;
        _timeout = connection.DefaultTimeout;
        // As SqliteConnection.CreateCommand does: a command made inside a transaction belongs to it.
        _transaction = connection.CurrentTransaction;
    }

    [AllowNull]
    public override string CommandText
    {
        get => _taken?.Value.CommandText ?? "";
        set
        {
            var text = value ?? "";
            if (_taken is null)
            {
                Take(text);
                return;
            }
            if (_taken.Value.CommandText == text) return;
            // Parameters added before the text (as AppendedRows does) move to the command taken for it.
            var parameters = _taken.Value.Parameters.Cast<SqliteParameter>().ToArray();
            GiveBack();
            Take(text).Value.Parameters.AddRange(parameters);
        }
    }

    public override int CommandTimeout { get => _timeout; set => _timeout = value; }

    public override CommandType CommandType { get => Inner.CommandType; set => Inner.CommandType = value; }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get => Inner.UpdatedRowSource; set => Inner.UpdatedRowSource = value; }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set
        {
            if (value != _connection) throw new NotSupportedException("A command of a statement-caching SQLite connection stays on that connection.");
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction { get => _transaction; set => _transaction = value; }

    private SqliteCommand Inner => (_taken ?? Take("")).Value;

    public override void Cancel() { }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override void Prepare() => Ready().Prepare();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => _reader = Ready().ExecuteReader(behavior);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        _reader = await Ready().ExecuteReaderAsync(behavior, cancellationToken);

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Ready().ExecuteNonQueryAsync(cancellationToken);

    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Ready().ExecuteScalarAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing) GiveBack();
        base.Dispose(disposing);
    }

    private SqliteCommand Ready()
    {
        var command = Inner;
        command.Transaction = (SqliteTransaction?)_transaction;
        command.CommandTimeout = _timeout;
        return command;
    }

    private LinkedListNode<SqliteCommand> Take(string text)
    {
        _generation = _connection.Statements.Generation;
        return _taken = _connection.Statements.Take(text);
    }

    private void GiveBack()
    {
        if (_taken is not { } taken) return;
        _taken = null;
        if (_reader is { IsClosed: false }) taken.Value.Dispose();
        else _connection.Statements.Return(taken, _generation);
        _reader = null;
    }
}
