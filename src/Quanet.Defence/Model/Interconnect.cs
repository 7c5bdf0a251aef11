using System.Net;

namespace Quanet.Defence.Model;

/// <summary>One interconnect to a partner network, as the defence engine needs to know it.</summary>
public sealed record Interconnect
{
    /// <summary>Unique id, e.g. <c>ix-wireline-a</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The partner operator's name.</summary>
    public required string Partner { get; init; }

    /// <summary>What it carries.</summary>
    public required InterconnectKind Kind { get; init; }

    /// <summary>Address ranges that arrive over this interconnect (the partner side): traffic or sessions sourced here are interconnect-sourced.</summary>
    public IReadOnlyList<IPNetwork> PeerNetworks { get; init; } = [];

    /// <summary>The partner's BGP autonomous system number, for IP interconnects.</summary>
    public long? PeerAsn { get; init; }

    /// <summary>Prefixes the partner may legitimately announce over this session.</summary>
    public IReadOnlyList<IPNetwork> PartnerPrefixes { get; init; } = [];

    /// <summary>IMSI prefixes (MCC+MNC) of the partner's own subscribers (GSMA FS.11 category 2 checks).</summary>
    public IReadOnlyList<string> PartnerImsiPrefixes { get; init; } = [];

    /// <summary>SCCP global-title prefixes of the partner's nodes.</summary>
    public IReadOnlyList<string> PartnerGlobalTitlePrefixes { get; init; } = [];

    /// <summary>ISO country of the partner's network (location plausibility).</summary>
    public string? Country { get; init; }

    /// <summary>The topology link that the interconnect uses (cut when it is isolated).</summary>
    public required string LinkId { get; init; }
}
