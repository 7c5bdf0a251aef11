using Quanet.Defence.Rules.Detectors;

namespace Quanet.Defence.Rules;

/// <summary>Compiles a <see cref="DetectionRule"/> into its detector.</summary>
internal static class DetectorFactory
{
    public static Detector Create(DetectionRule rule) => rule.Kind switch
    {
        RuleKinds.SignallingCategory1 => new SignallingCategory1Detector(rule),
        RuleKinds.SignallingCategory2 => new SignallingCategory2Detector(rule),
        RuleKinds.SignallingCategory3 => new SignallingCategory3Detector(rule),
        RuleKinds.BgpOrigin => new BgpOriginDetector(rule),
        RuleKinds.BgpMoreSpecific => new BgpMoreSpecificDetector(rule),
        RuleKinds.BgpPath => new BgpPathDetector(rule),
        RuleKinds.CommandFromInterconnect => new CommandFromInterconnectDetector(rule),
        RuleKinds.FlowScan => new FlowScanDetector(rule),
        RuleKinds.FlowLateral => new FlowLateralDetector(rule),
        RuleKinds.IdsAlert => new IdsAlertDetector(rule),
        RuleKinds.InterconnectAnomaly => new InterconnectAnomalyDetector(rule),
        _ => throw new RuleParameterException($"unknown kind '{rule.Kind}'"),
    };
}
