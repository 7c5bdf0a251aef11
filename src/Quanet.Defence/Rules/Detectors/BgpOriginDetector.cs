using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>
/// BGP origin checks in the spirit of ARTEMIS: our prefixes (or parts of them) originated by an AS that may not,
/// and a peering partner announcing space outside what it holds.
/// </summary>
internal sealed class BgpOriginDetector(DetectionRule rule) : Detector(rule)
{
    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is not BgpUpdateEvent { Withdrawal: false, Origin: { } origin } u)
        {
            return;
        }

        var ic = inventory.ByPeerAsn(u.PeerAsn);
        foreach (var own in inventory.OwnPrefixes)
        {
            if (BgpPrefixes.Covers(own.Network, u.Prefix) && !own.AllowedOrigins.Contains(origin))
            {
                Hit(hits, ic?.Id, $"AS{origin}", ev, $"{u.Prefix} is our space ({own.Network}) but originated by AS{origin}");
                return;
            }
        }

        if (ic is { Kind: InterconnectKind.IpPeering, PartnerPrefixes.Count: > 0 } && !BgpPrefixes.CoveredByAny(ic.PartnerPrefixes, u.Prefix))
        {
            Hit(hits, ic.Id, $"AS{origin}", ev, $"peer AS{u.PeerAsn} announced {u.Prefix}, outside the prefixes it holds");
        }
    }
}
