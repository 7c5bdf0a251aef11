using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>Suricata alerts at or above a severity (1 is the most severe), attributed to the interconnect their source arrives over.</summary>
internal sealed class IdsAlertDetector(DetectionRule rule) : Detector(rule)
{
    private readonly int _maxSeverity = (int)new RuleParameters(rule.Parameters).Number("max_severity", 2, min: 1);

    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is IdsAlertEvent a && a.Severity <= _maxSeverity && inventory.BySourceAddress(a.Source) is { } ic)
        {
            Hit(hits, ic.Id, a.Source.ToString(), ev, $"Suricata {a.SignatureId} '{a.Signature}' from {a.Source} behind {ic.Id}");
        }
    }
}
