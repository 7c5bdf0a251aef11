using Quanet.Defence.Model;
using Quanet.Defence.Rules.Detectors;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules;

/// <summary>
/// Runs every enabled rule over security events in time order. Rules can be swapped while running
/// (<see cref="UseRules"/>): detectors of unchanged rules keep their state, changed ones start fresh.
/// </summary>
public sealed class DetectionEngine
{
    private readonly DefenceInventory _inventory;
    private volatile Compiled _compiled;

    /// <summary>Creates the engine for <paramref name="inventory"/> with <paramref name="rules"/>.</summary>
    public DetectionEngine(DefenceInventory inventory, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(rules);
        _inventory = inventory;
        _compiled = Compile(rules, null);
    }

    /// <summary>The rules in force.</summary>
    public RuleSet Rules => _compiled.Rules;

    /// <summary>The latest per-interconnect anomaly z-scores.</summary>
    public IReadOnlyDictionary<string, double> AnomalyScores
    {
        get
        {
            foreach (var d in _compiled.Detectors)
            {
                if (d is InterconnectAnomalyDetector anomaly)
                {
                    return anomaly.Scores;
                }
            }

            return new Dictionary<string, double>();
        }
    }

    /// <summary>Replaces the rules atomically.</summary>
    public void UseRules(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _compiled = Compile(rules, _compiled);
    }

    /// <summary>Runs every rule on <paramref name="ev"/> and returns the hits (often none).</summary>
    public IReadOnlyList<Detection> Inspect(SecurityEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var hits = new List<Detection>();
        foreach (var detector in _compiled.Detectors)
        {
            detector.Inspect(ev, _inventory, hits);
        }

        return hits;
    }

    private static Compiled Compile(RuleSet rules, Compiled? previous)
    {
        var detectors = new List<Detector>();
        foreach (var rule in rules.Rules)
        {
            if (!rule.Enabled)
            {
                continue;
            }

            var kept = previous?.Detectors.FirstOrDefault(d => Same(d.Rule, rule));
            detectors.Add(kept ?? DetectorFactory.Create(rule));
        }

        return new Compiled(rules, [.. detectors]);
    }

    private static bool Same(DetectionRule a, DetectionRule b) =>
        a.Id == b.Id && a.Kind == b.Kind && a.Severity == b.Severity && a.Confidence == b.Confidence
        && a.Explanation == b.Explanation && a.Parameters.GetRawText() == b.Parameters.GetRawText();

    private sealed record Compiled(RuleSet Rules, Detector[] Detectors);
}
