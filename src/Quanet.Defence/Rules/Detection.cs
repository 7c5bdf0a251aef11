using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules;

/// <summary>A rule hit: which rule, on which interconnect, why, and the evidence.</summary>
/// <param name="RuleId">The rule that fired.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Confidence">The rule's confidence.</param>
/// <param name="Interconnect">The interconnect the activity came over, or null if unknown.</param>
/// <param name="Actor">The attacking source (address, GT or AS), to correlate across sources.</param>
/// <param name="Timestamp">When the triggering event happened.</param>
/// <param name="Explanation">The rule's explanation plus what matched.</param>
/// <param name="Evidence">The triggering event.</param>
public sealed record Detection(
    string RuleId,
    Severity Severity,
    double Confidence,
    string? Interconnect,
    string Actor,
    DateTimeOffset Timestamp,
    string Explanation,
    SecurityEvent Evidence);
