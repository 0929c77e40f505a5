using Microsoft.Data.Sqlite;

namespace Ducha.Persistence;

/// <summary>
/// The idle compiled commands of one connection, the most recently used first; one per SQL text. Used by one caller at
/// a time, as the connection is.
/// </summary>
internal sealed class StatementCache(SqliteConnection connection, int capacity)
{
    // Longer texts are EF's batched saves of many rows, which seldom come back word for word.
    private const int LongestText = 16_384;
    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _idle = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _recent = new();
    private static readonly KeyValuePair<string, object?> Reused = new("compiled", "reused");
    private static readonly KeyValuePair<string, object?> Compiled = new("compiled", "new");

    /// <summary>Counts the connection's closings: a command taken before one was finalized by it and is not kept.</summary>
    public int Generation { get; private set; }

    /// <summary>An idle command for <paramref name="text"/>, or a new one on the connection.</summary>
    public LinkedListNode<SqliteCommand> Take(string text)
    {
        if (text.Length > 0 && _idle.Remove(text, out var node))
        {
            _recent.Remove(node);
            PersistenceMetrics.SqliteStatements.Add(1, Reused);
            return node;
        }
        if (text.Length > 0) PersistenceMetrics.SqliteStatements.Add(1, Compiled);
        return new LinkedListNode<SqliteCommand>(new SqliteCommand(text, connection));
    }

    /// <summary>Keeps a command for its text, or disposes it (taken before the last closing, no text, one already kept).</summary>
    public void Return(LinkedListNode<SqliteCommand> node, int generation)
    {
        var command = node.Value;
        command.Parameters.Clear();
        command.Transaction = null;
        var text = command.CommandText;
        if (generation != Generation || text.Length == 0 || text.Length > LongestText || !_idle.TryAdd(text, node))
        {
            command.Dispose();
            return;
        }
        _recent.AddFirst(node);
        if (_idle.Count <= capacity) return;
        var oldest = _recent.Last!;
        _recent.RemoveLast();
        _idle.Remove(oldest.Value.CommandText);
        oldest.Value.Dispose();
    }

    public void Clear()
    {
        Generation++;
        foreach (var command in _recent) command.Dispose();
        _recent.Clear();
        _idle.Clear();
    }
}
