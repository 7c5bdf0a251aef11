using Quanet.Operations.Anomaly;

namespace Quanet.Workflows.Operations;

/// <summary>What <see cref="NabWorkflow"/> scores.</summary>
public sealed record NabRequest
{
    /// <summary>NAB-layout folder: <c>data/**/*.csv</c>, <c>labels/combined_windows.json</c>, optional <c>config/profiles.json</c>.</summary>
    public required string CorpusDirectory { get; init; }

    /// <summary>The detector to score, one of <see cref="AnomalyDetectors.Names"/>.</summary>
    /// <value>Default <see cref="AnomalyDetectors.Default"/>.</value>
    public string Detector { get; init; } = AnomalyDetectors.Default;
}
