using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>A more-specific of our prefix beyond its allowed maximum length: the classic sub-prefix hijack.</summary>
internal sealed class BgpMoreSpecificDetector(DetectionRule rule) : Detector(rule)
{
    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is not BgpUpdateEvent { Withdrawal: false } u)
        {
            return;
        }

        foreach (var own in inventory.OwnPrefixes)
        {
            if (BgpPrefixes.Covers(own.Network, u.Prefix) && u.Prefix.PrefixLength > own.MaxLength)
            {
                Hit(hits, inventory.ByPeerAsn(u.PeerAsn)?.Id, $"AS{u.Origin}", ev, $"{u.Prefix} is more specific than the /{own.MaxLength} allowed within {own.Network}");
                return;
            }
        }
    }
}
