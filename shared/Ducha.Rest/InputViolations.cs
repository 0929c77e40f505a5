using Ducha.BuildingBlocks;

namespace Ducha.Rest;

/// <summary>The violations found in one request's input, kept to a bounded number.</summary>
internal sealed class InputViolations
{
    /// <summary>A body of thousands of wrong fields should not get an answer thousands of lines long.</summary>
    private const int Limit = 50;

    private readonly List<FieldViolation> _items = [];

    public bool IsFull => _items.Count >= Limit;
    public bool Any => _items.Count > 0;
    public IReadOnlyList<FieldViolation> Items => _items;

    public void Add(string field, string description)
    {
        if (!IsFull) _items.Add(new FieldViolation(field, description));
    }
}
