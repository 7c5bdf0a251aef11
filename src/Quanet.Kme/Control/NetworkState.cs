using Quanet.Kme.Network;
using Quanet.Kme.Relay;
using Quanet.Kme.Service;

namespace Quanet.Kme.Control;

/// <summary>
/// The controller's view of the network: the topology, and per link the pool levels, key rate and QBER its two
/// KMEs last reported, and whether it is up. A link is down while either end has not reported for
/// <see cref="StaleAfter"/> (a KME that stopped) or for <see cref="LinkHealth.DownFor"/> after a KME reported a
/// relay failure on it. Thread-safe.
/// </summary>
internal sealed class NetworkState
{
    /// <summary>How long a KME may stay silent before its links count as down (KMEs report every <see cref="LinkReporter.Interval"/>).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(1.5);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SortedDictionary<string, LinkState> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastReport = new(StringComparer.Ordinal);
    private long _pathQuestions;

    public NetworkState(NetworkTopology topology, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(topology);
        Topology = topology;
        _time = time;
        foreach (var (a, b) in topology.Links)
        {
            var name = SaeDirectory.LinkName(a, b);
            var bar = name.IndexOf('|', StringComparison.Ordinal);
            _links[name] = new LinkState(name, name[..bar], name[(bar + 1)..]);
        }
    }

    public NetworkTopology Topology { get; }

    /// <summary>Path questions answered so far.</summary>
    public long PathQuestions => Interlocked.Read(ref _pathQuestions);

    /// <summary>Whether <paramref name="id"/> is a KME of the topology.</summary>
    public bool IsKme(string id) => Topology.Kmes.Any(k => k.Id == id);

    /// <summary>Takes <paramref name="kme"/>'s report; entries for links that are not <paramref name="kme"/>'s are ignored.</summary>
    /// <returns>How many entries were taken.</returns>
    public int Apply(string kme, LinkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var taken = 0;
        lock (_gate)
        {
            _lastReport[kme] = _time.GetTimestamp();
            foreach (var entry in report.Links)
            {
                if (entry is null || !_links.TryGetValue(entry.Link ?? "", out var link) || (link.A != kme && link.B != kme))
                {
                    continue;
                }

                if (link.A == kme)
                {
                    link.FromA = entry;
                }
                else
                {
                    link.FromB = entry;
                }

                taken++;
            }
        }

        return taken;
    }

    /// <summary>Marks <paramref name="link"/> down for <see cref="LinkHealth.DownFor"/> on the word of <paramref name="kme"/>.</summary>
    /// <returns>False if there is no such link.</returns>
    public bool Fail(string kme, string link)
    {
        lock (_gate)
        {
            if (!_links.TryGetValue(link, out var state) || !IsKme(kme))
            {
                return false;
            }

            state.DownUntil = _time.GetTimestamp() + (long)(LinkHealth.DownFor.TotalSeconds * _time.TimestampFrequency);
            state.Failures++;
            return true;
        }
    }

    /// <summary>Every link as it is now, in name order.</summary>
    public List<LinkView> Links()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            return [.. _links.Values.Select(l => View(l, now))];
        }
    }

    /// <summary>Whether <paramref name="kme"/> reported within <see cref="StaleAfter"/>.</summary>
    public bool IsReporting(string kme)
    {
        lock (_gate)
        {
            return Fresh(kme, _time.GetTimestamp());
        }
    }

    /// <summary>Up to <paramref name="k"/> relay paths from <paramref name="from"/> to <paramref name="to"/> over links that are up, best first.</summary>
    public List<RankedPath> Paths(string from, string to, int k)
    {
        Interlocked.Increment(ref _pathQuestions);
        var graph = new LinkGraph();
        foreach (var link in Links())
        {
            if (link.Up)
            {
                graph.AddLink(link.A, link.B, link.UsableBlocksA, link.UsableBlocksB);
            }
        }

        return PathFinder.KBest(graph, from, to, k);
    }

    private LinkView View(LinkState link, long now)
    {
        var up = now >= link.DownUntil && link.FromA is not null && link.FromB is not null && Fresh(link.A, now) && Fresh(link.B, now);
        var rate = link.FromA?.RateBitsPerSecond ?? link.FromB?.RateBitsPerSecond;
        var qber = link.FromA?.Qber ?? link.FromB?.Qber;
        return new LinkView(link.Name, link.A, link.B, up, link.FromA?.UsableBlocks ?? 0, link.FromB?.UsableBlocks ?? 0,
            Math.Max(link.FromA?.PoolBlocks ?? 0, link.FromB?.PoolBlocks ?? 0), rate, qber, link.Failures);
    }

    private bool Fresh(string kme, long now) =>
        _lastReport.TryGetValue(kme, out var at) && (now - at) < StaleAfter.TotalSeconds * _time.TimestampFrequency;
}
