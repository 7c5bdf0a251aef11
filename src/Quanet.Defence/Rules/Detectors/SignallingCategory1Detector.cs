using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>GSMA FS.11 category 1: operations that must never arrive across an interconnect (e.g. MAP anyTimeInterrogation).</summary>
internal sealed class SignallingCategory1Detector(DetectionRule rule) : Detector(rule)
{
    private readonly HashSet<string> _operations = Set(new RuleParameters(rule.Parameters).Strings("operations"));

    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is SignallingEvent s && _operations.Contains(s.Operation))
        {
            Hit(hits, s.Interconnect, s.CallingAddress, ev, $"{s.Operation} from {s.CallingAddress} is never valid across an interconnect");
        }
    }
}
