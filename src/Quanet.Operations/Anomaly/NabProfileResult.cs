namespace Quanet.Operations.Anomaly;

/// <summary>A detector's NAB result for one profile.</summary>
/// <param name="Profile">Profile name.</param>
/// <param name="Threshold">The threshold NAB's sweep chose for this detector and profile.</param>
/// <param name="RawScore">Corpus score at that threshold.</param>
/// <param name="NullScore">Corpus score of the null detector (constant 0.5) after its own sweep.</param>
/// <param name="PerfectScore">tp weight times the number of labelled windows.</param>
/// <param name="NormalizedScore"><c>100 (raw - null) / (perfect - null)</c>: 0 for the null detector, 100 for a perfect one.</param>
/// <param name="Counts">Row counts at the chosen threshold.</param>
public sealed record NabProfileResult(
    string Profile,
    double Threshold,
    double RawScore,
    double NullScore,
    double PerfectScore,
    double NormalizedScore,
    NabThresholdScore Counts);
