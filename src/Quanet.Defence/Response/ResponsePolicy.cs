using Quanet.Defence.Rules;

namespace Quanet.Defence.Response;

/// <summary>
/// Decides the response to an incident: isolate the interconnect when the evidence is strong and corroborated
/// (or shows an intrusion onto our routers), filter the actor when it is credible, alert otherwise.
/// </summary>
public sealed record ResponsePolicy
{
    /// <summary>Combined confidence from which the actor is filtered / rate-limited. <value>Default 0.6.</value></summary>
    public double RateLimitConfidence { get; init; } = 0.6;

    /// <summary>Combined confidence from which the interconnect is isolated. <value>Default 0.95.</value></summary>
    public double IsolateConfidence { get; init; } = 0.95;

    /// <summary>Distinct telemetry sources needed to isolate. <value>Default 2.</value></summary>
    public int IsolateMinSources { get; init; } = 2;

    /// <summary>Lowest severity that may isolate. <value>Default High.</value></summary>
    public Severity IsolateMinSeverity { get; init; } = Severity.High;

    /// <summary>
    /// Rules whose hit alone isolates: evidence that the partner network itself is the attack path (commands on our
    /// routers, lateral movement), where filtering one address leaves the attacker the rest of the partner's space.
    /// <value>Default CMD-DISCOVERY, CMD-CONFIG, FLOW-LATERAL.</value>
    /// </summary>
    public IReadOnlyList<string> IsolateOnRules { get; init; } = ["CMD-DISCOVERY", "CMD-CONFIG", "FLOW-LATERAL"];

    /// <summary>
    /// Whether isolation must first prove that customer traffic keeps a path. Turning it off gives the naive
    /// baseline the benchmarks compare against. <value>Default true.</value>
    /// </summary>
    public bool BlastRadiusCheck { get; init; } = true;

    /// <summary>A naive policy for comparison: isolate on any detection, no blast-radius check.</summary>
    public static ResponsePolicy Naive { get; } = new()
    {
        RateLimitConfidence = 0,
        IsolateConfidence = 0,
        IsolateMinSources = 1,
        IsolateMinSeverity = Severity.Info,
        BlastRadiusCheck = false,
    };

    /// <summary>The decision for <paramref name="incident"/> as it stands now.</summary>
    public ResponseKind Decide(SecurityIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var confidence = incident.Confidence;
        if (incident.Interconnect is not null && confidence >= IsolateConfidence
            && incident.Sources.Count >= IsolateMinSources && incident.Severity >= IsolateMinSeverity)
        {
            return ResponseKind.Isolate;
        }

        foreach (var detection in incident.Detections)
        {
            if (incident.Interconnect is not null && IsolateOnRules.Contains(detection.RuleId))
            {
                return ResponseKind.Isolate;
            }
        }

        return confidence >= RateLimitConfidence && incident.Interconnect is not null ? ResponseKind.RateLimit : ResponseKind.AlertOnly;
    }
}
