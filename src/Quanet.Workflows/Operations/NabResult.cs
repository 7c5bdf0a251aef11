using Quanet.Operations.Anomaly;

namespace Quanet.Workflows.Operations;

/// <summary>A detector's NAB scores on a corpus.</summary>
/// <param name="Detector">The detector scored.</param>
/// <param name="Files">Data files (series) in the corpus.</param>
/// <param name="Windows">Labelled anomaly windows in the corpus.</param>
/// <param name="Profiles">The result for every profile, in the corpus's profile order.</param>
public sealed record NabResult(string Detector, int Files, int Windows, IReadOnlyList<NabProfileResult> Profiles);
