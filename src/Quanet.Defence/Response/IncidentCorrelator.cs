using Quanet.Defence.Rules;

namespace Quanet.Defence.Response;

/// <summary>
/// Correlates detections into incidents: detections on the same interconnect (or, unattributed, from the same
/// actor) within <see cref="Window"/> of the incident's latest detection join it, whatever telemetry they came from.
/// </summary>
public sealed class IncidentCorrelator
{
    private readonly Dictionary<string, SecurityIncident> _open = new(StringComparer.Ordinal);
    private readonly List<SecurityIncident> _all = [];

    /// <summary>How long an incident stays open for new evidence. <value>Default 30 minutes.</value></summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Every incident so far.</summary>
    public IReadOnlyList<SecurityIncident> Incidents => _all;

    /// <summary>Adds a detection and returns its incident (new or existing).</summary>
    public SecurityIncident Add(Detection detection)
    {
        ArgumentNullException.ThrowIfNull(detection);
        var key = detection.Interconnect ?? $"actor:{detection.Actor}";
        if (_open.TryGetValue(key, out var incident) && detection.Timestamp - incident.LastSeen <= Window)
        {
            incident.Add(detection);
            return incident;
        }

        incident = new SecurityIncident($"SEC-{_all.Count + 1:D5}", detection.Interconnect, detection);
        _open[key] = incident;
        _all.Add(incident);
        return incident;
    }
}
