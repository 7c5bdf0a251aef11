using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>GSMA FS.11 category 2: operations valid only for the sending partner's own subscribers (IMSI home prefix check).</summary>
internal sealed class SignallingCategory2Detector(DetectionRule rule) : Detector(rule)
{
    private readonly HashSet<string> _operations = Set(new RuleParameters(rule.Parameters).Strings("operations"));

    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is not SignallingEvent { Imsi: { } imsi } s || !_operations.Contains(s.Operation))
        {
            return;
        }

        var prefixes = inventory.Find(s.Interconnect)?.PartnerImsiPrefixes ?? [];
        foreach (var prefix in prefixes)
        {
            if (imsi.StartsWith(prefix, StringComparison.Ordinal))
            {
                return;
            }
        }

        Hit(hits, s.Interconnect, s.CallingAddress, ev, $"{s.Operation} for IMSI {imsi} which is not a subscriber of the partner behind {s.Interconnect}");
    }
}
