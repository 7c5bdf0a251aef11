namespace Quanet.Operations.Anomaly;

/// <summary>
/// NAB's windowed Gaussian baseline: the mean and standard deviation of the previous
/// <c>window</c> values (NAB: 1000, step 1); the score of a value is <c>1 - 2 Q(|z|)</c>, one minus its
/// two-sided Gaussian tail probability. (NAB's own file returns nupic's one-sided tail; this baseline uses
/// the two-sided form so spikes and drops both score high.) Running sums over a ring buffer, O(1) per value.
/// </summary>
internal sealed class WindowedGaussianDetector : IStreamingDetector
{
    private readonly double[] _ring;
    private int _count;
    private int _next;
    private double _sum;
    private double _sumSquares;

    /// <param name="window">Values in the window (NAB: 1000).</param>
    public WindowedGaussianDetector(int window = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        _ring = new double[window];
    }

    /// <inheritdoc />
    public double Update(double value)
    {
        var score = 0.0;
        if (_count > 0)
        {
            var mean = _sum / _count;
            var variance = Math.Max(0.0, (_sumSquares / _count) - (mean * mean));
            var stdev = variance > 0 ? Math.Sqrt(variance) : 1e-6;
            score = 1.0 - (2.0 * Gaussian.TailProbability(Math.Abs(value - mean) / stdev));
        }

        if (_count == _ring.Length)
        {
            var old = _ring[_next];
            _sum -= old;
            _sumSquares -= old * old;
        }
        else
        {
            _count++;
        }

        _ring[_next] = value;
        _sum += value;
        _sumSquares += value * value;
        _next = (_next + 1) % _ring.Length;
        return Math.Clamp(score, 0.0, 1.0);
    }
}
