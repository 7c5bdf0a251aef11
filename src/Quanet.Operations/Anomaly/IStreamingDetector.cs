namespace Quanet.Operations.Anomaly;

/// <summary>
/// A streaming anomaly detector for one series: it sees values one at a time and returns the
/// anomaly score of each as soon as it arrives, from that value and the ones before it only.
/// </summary>
public interface IStreamingDetector
{
    /// <summary>Consumes the next value and returns its anomaly score in [0, 1].</summary>
    /// <param name="value">The next value of the series.</param>
    double Update(double value);
}
