namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// The best distinct trees found so far, cheapest first, as parents for <see cref="Recombination"/>. Trees
/// are compared by their sorted edge sets, so a tree found twice takes only one place.
/// </summary>
internal sealed class ElitePool
{
    private readonly int _capacity;
    private readonly List<(long Cost, int[] Edges)> _trees = [];

    public ElitePool(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _trees.Count;

    /// <summary>The <paramref name="i"/>-th cheapest tree (0 is the best).</summary>
    public (long Cost, int[] Edges) this[int i] => _trees[i];

    /// <summary>Offers a tree; returns whether it entered the pool (new and cheaper than the worst of a full pool).</summary>
    public bool Offer(List<int> edges, long cost)
    {
        if (_trees.Count == _capacity && cost >= _trees[^1].Cost)
        {
            return false;
        }

        var sorted = edges.ToArray();
        Array.Sort(sorted);
        var at = 0;
        while (at < _trees.Count && _trees[at].Cost <= cost)
        {
            if (_trees[at].Cost == cost && sorted.AsSpan().SequenceEqual(_trees[at].Edges))
            {
                return false;
            }

            at++;
        }

        _trees.Insert(at, (cost, sorted));
        if (_trees.Count > _capacity)
        {
            _trees.RemoveAt(_trees.Count - 1);
        }

        return true;
    }
}
