using Quanet.Defence.Rules;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Response;

/// <summary>Detections on one interconnect correlated across telemetry sources into one incident, with its evidence.</summary>
public sealed class SecurityIncident
{
    private readonly List<Detection> _detections = [];
    private readonly HashSet<string> _actors = new(StringComparer.Ordinal);
    private readonly HashSet<TelemetryKind> _sources = [];
    private readonly Dictionary<string, double> _ruleConfidence = new(StringComparer.Ordinal);

    internal SecurityIncident(string id, string? interconnect, Detection first)
    {
        Id = id;
        Interconnect = interconnect;
        FirstSeen = first.Timestamp;
        Add(first);
    }

    /// <summary>Incident id.</summary>
    public string Id { get; }

    /// <summary>The interconnect, or null when the source could not be attributed.</summary>
    public string? Interconnect { get; }

    /// <summary>When the first detection happened.</summary>
    public DateTimeOffset FirstSeen { get; }

    /// <summary>When the latest detection happened.</summary>
    public DateTimeOffset LastSeen { get; private set; }

    /// <summary>The detections, in arrival order.</summary>
    public IReadOnlyList<Detection> Detections => _detections;

    /// <summary>Attacking actors seen (addresses, global titles, AS numbers).</summary>
    public IReadOnlyCollection<string> Actors => _actors;

    /// <summary>Telemetry sources that contributed evidence.</summary>
    public IReadOnlyCollection<TelemetryKind> Sources => _sources;

    /// <summary>The highest severity among the detections.</summary>
    public Severity Severity { get; private set; }

    /// <summary>Combined confidence: 1 - prod(1 - c_rule) over the distinct rules that fired (independent evidence).</summary>
    public double Confidence
    {
        get
        {
            var miss = 1.0;
            foreach (var (_, c) in _ruleConfidence)
            {
                miss *= 1 - c;
            }

            return 1 - miss;
        }
    }

    /// <summary>The strongest response taken so far.</summary>
    public ResponseKind Response { get; internal set; } = ResponseKind.AlertOnly;

    /// <summary>When the incident was contained (an isolation or a filter on every actor applied), or null.</summary>
    public DateTimeOffset? ContainedAt { get; internal set; }

    internal void Add(Detection detection)
    {
        _detections.Add(detection);
        _actors.Add(detection.Actor);
        _sources.Add(detection.Evidence.Kind);
        _ruleConfidence[detection.RuleId] = Math.Max(_ruleConfidence.GetValueOrDefault(detection.RuleId), detection.Confidence);
        Severity = detection.Severity > Severity ? detection.Severity : Severity;
        LastSeen = detection.Timestamp > LastSeen ? detection.Timestamp : LastSeen;
    }
}
