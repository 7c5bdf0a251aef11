using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>The code behind one rule: inspects events in time order and reports hits.</summary>
internal abstract class Detector(DetectionRule rule)
{
    private static readonly TimeSpan RepeatQuiet = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, DateTimeOffset> _lastHit = new(StringComparer.Ordinal);

    public DetectionRule Rule => rule;

    public abstract void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits);

    /// <summary>Reports a hit unless the same rule already reported this actor on this interconnect within a minute.</summary>
    protected void Hit(List<Detection> hits, string? interconnect, string actor, SecurityEvent ev, string detail)
    {
        var key = $"{interconnect}|{actor}";
        if (_lastHit.TryGetValue(key, out var last) && ev.Timestamp - last < RepeatQuiet)
        {
            return;
        }

        _lastHit[key] = ev.Timestamp;
        hits.Add(new Detection(rule.Id, rule.Severity, rule.Confidence, interconnect, actor, ev.Timestamp, $"{rule.Explanation}: {detail}", ev));
    }

    protected static HashSet<string> Set(IReadOnlyList<string> items) => new(items, StringComparer.OrdinalIgnoreCase);
}
