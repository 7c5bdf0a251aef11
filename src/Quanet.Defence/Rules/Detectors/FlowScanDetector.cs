using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>Scanning: one interconnect-sourced address touching many distinct host:port targets within a window.</summary>
internal sealed class FlowScanDetector : Detector
{
    private readonly SlidingTargets _targets;
    private readonly int _threshold;

    public FlowScanDetector(DetectionRule rule)
        : base(rule)
    {
        var p = new RuleParameters(rule.Parameters);
        _targets = new SlidingTargets(p.Seconds("window_seconds", 60));
        _threshold = p.Count("distinct_targets", 20, min: 2);
    }

    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is not FlowEvent f || inventory.BySourceAddress(f.Source) is not { } ic)
        {
            return;
        }

        var actor = f.Source.ToString();
        var n = _targets.Add(actor, $"{f.Destination}:{f.DestinationPort}", f.Timestamp);
        if (n >= _threshold)
        {
            Hit(hits, ic.Id, actor, ev, $"{actor} behind {ic.Id} touched {n} distinct host:port targets within the window");
        }
    }
}
