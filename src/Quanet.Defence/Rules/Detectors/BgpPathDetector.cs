using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>AS-path anomalies in the spirit of BGPalerter: first hop not the peer, loops, private or reserved ASNs, our own ASN (a leak).</summary>
internal sealed class BgpPathDetector(DetectionRule rule) : Detector(rule)
{
    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is not BgpUpdateEvent { Withdrawal: false } u || u.AsPath.Count == 0)
        {
            return;
        }

        var ic = inventory.ByPeerAsn(u.PeerAsn)?.Id;
        var actor = $"AS{u.Origin}";
        if (u.AsPath[0] != u.PeerAsn)
        {
            Hit(hits, ic, actor, ev, $"path {string.Join(' ', u.AsPath)} does not start with the peer AS{u.PeerAsn}");
            return;
        }

        for (var i = 0; i < u.AsPath.Count; i++)
        {
            var asn = u.AsPath[i];
            if (asn == inventory.OwnAsn)
            {
                Hit(hits, ic, actor, ev, $"our own AS{asn} appears in the path: a route leak or loop");
                return;
            }

            if (IsReserved(asn))
            {
                Hit(hits, ic, actor, ev, $"private or reserved AS{asn} in the path");
                return;
            }

            // prepending repeats an AS next to itself; a repeat elsewhere is a loop
            for (var j = i + 2; j < u.AsPath.Count; j++)
            {
                if (u.AsPath[j] == asn && u.AsPath[j - 1] != asn)
                {
                    Hit(hits, ic, actor, ev, $"AS{asn} appears twice, apart, in the path");
                    return;
                }
            }
        }
    }

    // RFC 6996 private ranges, RFC 7607 AS0, RFC 6793 AS_TRANS, RFC 5398 documentation, RFC 7300 last ASNs
    private static bool IsReserved(long asn) =>
        asn == 0 || asn == 23456 || asn is >= 64496 and <= 65535 || asn is >= 4200000000 and <= 4294967295;
}
