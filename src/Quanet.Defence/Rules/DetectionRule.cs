using System.Text.Json;

namespace Quanet.Defence.Rules;

/// <summary>One detection rule, loaded from data: which detector it configures and with what parameters.</summary>
public sealed record DetectionRule
{
    /// <summary>Unique id, e.g. <c>FS11-CAT1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The detector: one of <see cref="RuleKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Why the rule exists and what a hit means, shown with every detection.</summary>
    public required string Explanation { get; init; }

    /// <summary>Severity of a hit.</summary>
    public Severity Severity { get; init; } = Severity.Medium;

    /// <summary>Confidence in [0, 1] that a hit is malicious.</summary>
    public double Confidence { get; init; } = 0.5;

    /// <summary>Whether the rule is active.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Detector parameters (an object; fields depend on <see cref="Kind"/>).</summary>
    public JsonElement Parameters { get; init; }
}
