namespace Quanet.Operations.Anomaly;

/// <summary>Scores every value the same: NAB's null detector with 0.5.</summary>
internal sealed class ConstantDetector(double score) : IStreamingDetector
{
    /// <inheritdoc />
    public double Update(double value) => score;
}
