namespace Quanet.Kme.Relay;

/// <summary>
/// Relay paths from this KME to another: the simple paths of the network graph, fewest hops first, among equal
/// hop counts the widest first (the largest pool on the first link, the only pool level this KME knows), links
/// currently marked down last. Pure: the caller passes the pool levels and the down links.
/// </summary>
internal sealed class RelayRouter
{
    /// <summary>Paths are enumerated up to this many; metro networks have far fewer simple paths between two nodes.</summary>
    private const int MaxEnumerated = 4096;

    private readonly Dictionary<string, List<string>> _adjacent = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), List<List<string>>> _simplePaths = new();

    /// <param name="links">The network's links as names <c>A|B</c>.</param>
    public RelayRouter(IEnumerable<string> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        foreach (var link in links)
        {
            var bar = link.IndexOf('|', StringComparison.Ordinal);
            Add(link[..bar], link[(bar + 1)..]);
            Add(link[(bar + 1)..], link[..bar]);
        }

        foreach (var list in _adjacent.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }
    }

    /// <summary>Up to <paramref name="count"/> paths from <paramref name="from"/> to <paramref name="to"/> (both ends included), best first.</summary>
    /// <param name="from">The first KME.</param>
    /// <param name="to">The last KME.</param>
    /// <param name="count">Most paths returned.</param>
    /// <param name="firstHopLevel">Pool level (blocks this KME may use) of the link to a neighbour.</param>
    /// <param name="isDown">Whether a link (by name) is currently believed down.</param>
    public List<List<string>> Paths(string from, string to, int count, Func<string, long> firstHopLevel, Func<string, bool> isDown)
    {
        ArgumentNullException.ThrowIfNull(firstHopLevel);
        ArgumentNullException.ThrowIfNull(isDown);
        var found = _simplePaths.GetOrAdd((from, to), key =>
        {
            var all = new List<List<string>>();
            if (key.Item1 != key.Item2 && _adjacent.ContainsKey(key.Item1))
            {
                Walk(key.Item1, key.Item2, [key.Item1], new HashSet<string>(StringComparer.Ordinal) { key.Item1 }, all);
            }

            return all;
        });

        var levels = new Dictionary<string, long>(StringComparer.Ordinal);
        var ranked = found.ConvertAll(p =>
        {
            if (!levels.TryGetValue(p[1], out var level))
            {
                level = levels[p[1]] = firstHopLevel(p[1]);
            }

            var down = false;
            for (var i = 1; i < p.Count; i++)
            {
                down |= isDown(Service.SaeDirectory.LinkName(p[i - 1], p[i]));
            }

            return (Path: p, Down: down, Hops: p.Count - 1, Level: level);
        });
        ranked.Sort((a, b) => a.Down != b.Down ? a.Down.CompareTo(b.Down) : a.Hops != b.Hops ? a.Hops.CompareTo(b.Hops) : b.Level.CompareTo(a.Level));
        var result = new List<List<string>>(Math.Min(count, ranked.Count));
        for (var i = 0; i < ranked.Count && i < count; i++)
        {
            result.Add(ranked[i].Path);
        }

        return result;
    }

    private void Walk(string node, string to, List<string> path, HashSet<string> onPath, List<List<string>> found)
    {
        foreach (var next in _adjacent[node])
        {
            if (found.Count >= MaxEnumerated || onPath.Contains(next))
            {
                continue;
            }

            path.Add(next);
            if (next == to)
            {
                found.Add([.. path]);
            }
            else
            {
                onPath.Add(next);
                Walk(next, to, path, onPath, found);
                onPath.Remove(next);
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private void Add(string a, string b)
    {
        if (!_adjacent.TryGetValue(a, out var list))
        {
            _adjacent[a] = list = [];
        }

        if (!list.Contains(b))
        {
            list.Add(b);
        }
    }
}
