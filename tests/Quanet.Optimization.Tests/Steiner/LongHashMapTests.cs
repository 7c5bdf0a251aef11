using Quanet.Optimization.Steiner.Exact;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class LongHashMapTests
{
    [Fact]
    public void Stores_and_finds_many_keys_across_growth()
    {
        var map = new LongHashMap(4);
        var random = new Random(3);
        var reference = new Dictionary<long, long>();
        for (var i = 0; i < 50_000; i++)
        {
            var key = random.NextInt64(0, 1L << 40);
            var value = random.NextInt64();
            map.Set(key, value);
            reference[key] = value;
        }

        Assert.Equal(reference.Count, map.Count);
        foreach (var (key, value) in reference)
        {
            Assert.Equal(value, map.Get(key, -7));
        }

        Assert.Equal(-7, map.Get((1L << 41) + 5, -7));

        // cleared, it holds nothing and fills again at the size it had grown to
        map.Clear();
        Assert.Equal(0, map.Count);
        Assert.All(reference.Keys.Take(1_000), key => Assert.Equal(-7, map.Get(key, -7)));
        map.Set(0, 11);
        Assert.Equal(11, map.Get(0, -7));
        Assert.Equal(1, map.Count);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    public void Subset_table_reads_missing_then_stored_values(int bits)
    {
        var table = new SubsetTable(bits, long.MaxValue);
        var set = (1L << (bits - 1)) | 5;

        var before = table.Get(set);
        table.Set(set, 42);

        Assert.Equal(long.MaxValue, before);
        Assert.Equal(42, table.Get(set));
        Assert.Equal(long.MaxValue, table.Get(3));
    }
}
