using Quanet.Kme.Configuration;

namespace Quanet.Kme.Service;

/// <summary>
/// The SAE table (which SAE IDs exist and which KME each is attached to), this KME's links to its neighbours,
/// and the links of the whole network for relay routing.
/// </summary>
internal sealed class SaeDirectory
{
    private readonly Dictionary<string, string> _kmeOf = new(StringComparer.Ordinal);
    private readonly List<string> _neighbours = [];
    private readonly HashSet<string> _links = new(StringComparer.Ordinal);

    public SaeDirectory(KmeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Self = options.KmeId;
        foreach (var sae in options.Saes)
        {
            _kmeOf[sae.Id] = string.IsNullOrEmpty(sae.Kme) ? Self : sae.Kme;
        }

        foreach (var link in Neighbourhood(options))
        {
            _neighbours.Add(link.PeerKmeId);
        }

        foreach (var pair in options.NetworkLinks)
        {
            if (pair is [var a, var b] && !string.IsNullOrEmpty(a) && !string.IsNullOrEmpty(b) && a != b)
            {
                _links.Add(LinkName(a, b));
            }
        }

        foreach (var neighbour in _neighbours)
        {
            _links.Add(LinkName(Self, neighbour));
        }

        LocalLink = "local:" + Self;
        if (_neighbours.Count == 1)
        {
            Peer = _neighbours[0];
            PeerLink = LinkName(Self, Peer);
            LinkLeader = LeaderOf(PeerLink);
        }
    }

    public string Self { get; }

    /// <summary>The KMEs this one has a QKD link to.</summary>
    public IReadOnlyList<string> Neighbours => _neighbours;

    /// <summary>Every link of the network (this KME's and those of <see cref="KmeOptions.NetworkLinks"/>), as link names.</summary>
    public IReadOnlyCollection<string> NetworkLinks => _links;

    /// <summary>The only neighbour, when there is exactly one (the two-KME case; PQC supply needs it); otherwise null.</summary>
    public string? Peer { get; }

    /// <summary>The pool for keys whose slaves are all attached to this KME.</summary>
    public string LocalLink { get; }

    /// <summary>The pool shared with <see cref="Peer"/> (same bits at both ends), or null.</summary>
    public string? PeerLink { get; }

    /// <summary>The KME that produces the pool of <see cref="PeerLink"/> (the smaller ID).</summary>
    public string? LinkLeader { get; }

    /// <summary>The links named in <paramref name="options"/>: <see cref="KmeOptions.Links"/> and the <see cref="KmeOptions.PeerKmeId"/> shorthand.</summary>
    public static IEnumerable<LinkOptions> Neighbourhood(KmeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(options.PeerKmeId) && seen.Add(options.PeerKmeId))
        {
            yield return new LinkOptions { PeerKmeId = options.PeerKmeId, PeerUrl = options.PeerUrl };
        }

        foreach (var link in options.Links)
        {
            if (link is not null && !string.IsNullOrEmpty(link.PeerKmeId) && seen.Add(link.PeerKmeId))
            {
                yield return link;
            }
        }
    }

    /// <summary>The name of the link between <paramref name="a"/> and <paramref name="b"/>: both IDs, smaller first, joined by '|'.</summary>
    public static string LinkName(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a + "|" + b : b + "|" + a;

    public bool IsKnown(string sae) => _kmeOf.ContainsKey(sae);

    public bool IsLocal(string sae) => _kmeOf.TryGetValue(sae, out var kme) && kme == Self;

    public string? KmeOf(string sae) => _kmeOf.GetValueOrDefault(sae);

    public bool IsNeighbour(string kme) => _neighbours.Contains(kme);

    /// <summary>The link to neighbour <paramref name="kme"/>.</summary>
    public string LinkTo(string kme) => LinkName(Self, kme);

    /// <summary>The neighbour at the other end of <paramref name="link"/>, or null when it is not one of this KME's links.</summary>
    public string? NeighbourOn(string link)
    {
        foreach (var neighbour in _neighbours)
        {
            if (LinkTo(neighbour) == link)
            {
                return neighbour;
            }
        }

        return null;
    }

    /// <summary>The KME that produces the pool of a link between two KMEs (the smaller ID).</summary>
    public static string LeaderOf(string link) => link[..link.IndexOf('|', StringComparison.Ordinal)];

    /// <summary>
    /// Who may consume block <paramref name="index"/> of <paramref name="link"/>: the whole local pool is ours;
    /// a shared pool alternates (even: leader, odd: follower) so both KMEs can serve masters without
    /// ever cutting a key from the same bits.
    /// </summary>
    public string OwnerOf(string link, long index)
    {
        var bar = link.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? Self : (index & 1) == 0 ? link[..bar] : link[(bar + 1)..];
    }
}
