using Ducha.BuildingBlocks;

namespace Ducha.Reference.Tests;

/// <summary>Ids made one after another sort in that order, even many within one millisecond, and are valid UUID version 7.</summary>
public sealed class OrderedIdsTests
{
    [Fact]
    public void Ids_made_in_a_burst_sort_in_the_order_they_were_made()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => OrderedIds.NewId()).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids.Take(100), id =>
        {
            var guid = Guid.Parse(id);
            Assert.Equal(7, guid.Version);
            Assert.Equal('7', id[14]);
            Assert.Contains(id[19], "89ab");
        });
        var millisecond = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(ids[0].Replace("-", "")[..12], 16));
        Assert.InRange(millisecond, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}
