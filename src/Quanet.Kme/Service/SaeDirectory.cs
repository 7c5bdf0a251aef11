using Quanet.Kme.Configuration;

namespace Quanet.Kme.Service;

/// <summary>The SAE table: which SAE IDs exist and which KME each is attached to; and the pool links.</summary>
internal sealed class SaeDirectory
{
    private readonly Dictionary<string, string> _kmeOf = new(StringComparer.Ordinal);

    public SaeDirectory(KmeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Self = options.KmeId;
        Peer = string.IsNullOrEmpty(options.PeerKmeId) ? null : options.PeerKmeId;
        foreach (var sae in options.Saes)
        {
            _kmeOf[sae.Id] = string.IsNullOrEmpty(sae.Kme) ? Self : sae.Kme;
        }

        LocalLink = "local:" + Self;
        if (Peer is not null)
        {
            var first = string.CompareOrdinal(Self, Peer) < 0 ? Self : Peer;
            var second = first == Self ? Peer : Self;
            PeerLink = first + "|" + second;
            LinkLeader = first;
            LinkFollower = second;
        }
    }

    public string Self { get; }

    public string? Peer { get; }

    /// <summary>The pool for keys whose slaves are all attached to this KME.</summary>
    public string LocalLink { get; }

    /// <summary>The pool shared with the peer KME (same bits at both ends), or null.</summary>
    public string? PeerLink { get; }

    /// <summary>The KME that produces the shared pool (the smaller ID).</summary>
    public string? LinkLeader { get; }

    private string? LinkFollower { get; }

    public bool IsKnown(string sae) => _kmeOf.ContainsKey(sae);

    public bool IsLocal(string sae) => _kmeOf.TryGetValue(sae, out var kme) && kme == Self;

    public string? KmeOf(string sae) => _kmeOf.GetValueOrDefault(sae);

    /// <summary>
    /// Who may consume block <paramref name="index"/> of <paramref name="link"/>: the whole local pool is ours;
    /// the shared pool alternates (even: leader, odd: follower) so both KMEs can serve masters without
    /// ever cutting a key from the same bits.
    /// </summary>
    public string OwnerOf(string link, long index) =>
        link == PeerLink ? ((index & 1) == 0 ? LinkLeader! : LinkFollower!) : Self;
}
