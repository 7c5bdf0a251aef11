using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>Lateral movement: an interconnect-sourced address opening management ports (SSH, Telnet, SNMP, NETCONF...) on several infrastructure hosts.</summary>
internal sealed class FlowLateralDetector : Detector
{
    private readonly HashSet<int> _ports;
    private readonly SlidingTargets _hosts;
    private readonly int _threshold;

    public FlowLateralDetector(DetectionRule rule)
        : base(rule)
    {
        var p = new RuleParameters(rule.Parameters);
        _ports = [.. p.Integers("ports")];
        _hosts = new SlidingTargets(p.Seconds("window_seconds", 300));
        _threshold = p.Count("distinct_hosts", 2, min: 1);
    }

    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is not FlowEvent f || !_ports.Contains(f.DestinationPort)
            || !DefenceInventory.InAny(inventory.InfrastructureNetworks, f.Destination)
            || inventory.BySourceAddress(f.Source) is not { } ic)
        {
            return;
        }

        var actor = f.Source.ToString();
        var n = _hosts.Add(actor, f.Destination.ToString(), f.Timestamp);
        if (n >= _threshold)
        {
            Hit(hits, ic.Id, actor, ev, $"{actor} behind {ic.Id} reached management port {f.DestinationPort} on {n} infrastructure hosts");
        }
    }
}
