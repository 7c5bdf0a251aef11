namespace Quanet.Operations.Anomaly;

/// <summary>
/// Numenta's anomaly likelihood (Ahmad, Lavin, Purdy, Agha, "Unsupervised real-time anomaly detection for
/// streaming data", Neurocomputing 262, 2017; nupic <c>anomaly_likelihood.py</c>): models the recent raw
/// anomaly scores as a normal distribution (re-estimated every <c>reestimationPeriod</c> steps from up to
/// <c>historicWindow</c> past scores, after skipping the first <c>learningPeriod</c>), and reports
/// <c>1 - Q((m - mu) / sigma)</c> for the moving average m of the last 10 raw scores (Q symmetric about
/// mu); repeated "red" tail probabilities below 1e-5 are damped to 1e-3. Ring buffers, no allocation per step.
/// </summary>
internal sealed class AnomalyLikelihood
{
    private const int AveragingWindow = 10;
    private const double RedTail = 1e-5;
    private const double YellowTail = 1e-3;
    private readonly int _learningPeriod;
    private readonly int _estimationSamples;
    private readonly int _reestimationPeriod;
    private readonly double[] _rawHistory;
    private readonly double[] _valueHistory;
    private readonly double[] _recent = new double[AveragingWindow];
    private int _iteration;
    private int _recentCount;
    private int _recentNext;
    private double _recentTotal;
    private double _previousTail = 1.0;
    private bool _estimated;
    private double _mean;
    private double _stdev;

    /// <param name="learningPeriod">Leading raw scores never used for the distribution (Numenta NAB: probation / 2).</param>
    /// <param name="estimationSamples">Scores collected after learning before the first estimate (NAB: the rest of the probation).</param>
    /// <param name="historicWindow">Past scores the distribution is estimated from (nupic default 8640).</param>
    /// <param name="reestimationPeriod">Steps between re-estimations (nupic default 100).</param>
    public AnomalyLikelihood(int learningPeriod, int estimationSamples, int historicWindow = 8640, int reestimationPeriod = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(learningPeriod);
        ArgumentOutOfRangeException.ThrowIfNegative(estimationSamples);
        ArgumentOutOfRangeException.ThrowIfLessThan(historicWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reestimationPeriod, 1);
        _learningPeriod = learningPeriod;
        _estimationSamples = estimationSamples;
        _reestimationPeriod = reestimationPeriod;
        _rawHistory = new double[historicWindow];
        _valueHistory = new double[historicWindow];
    }

    /// <summary>
    /// Numenta's log scale for likelihoods: <c>ln(1.0000000001 - p) / ln(1e-10)</c>, so 0.99999 maps to 0.5
    /// and the interesting top of the range is spread over [0, 1].
    /// </summary>
    public static double LogScale(double likelihood) => Math.Log(1.0000000001 - likelihood) / Math.Log(1.0 - 0.9999999999);

    /// <summary>Consumes the raw score of the next value (and the value itself); returns its likelihood in [0, 1].</summary>
    public double Update(double value, double rawScore)
    {
        var likelihood = 0.5;
        if (_iteration >= _learningPeriod + _estimationSamples)
        {
            if (!_estimated || _iteration % _reestimationPeriod == 0)
            {
                Estimate();
            }

            Push(rawScore);
            var tail = Tail(_recentTotal / _recentCount);
            var filtered = tail <= RedTail && _previousTail <= RedTail ? YellowTail : tail;
            _previousTail = tail;
            likelihood = 1.0 - filtered;
        }
        else
        {
            Push(rawScore);
        }

        var slot = _iteration % _rawHistory.Length;
        _rawHistory[slot] = rawScore;
        _valueHistory[slot] = value;
        _iteration++;
        return likelihood;
    }

    private void Push(double rawScore)
    {
        if (_recentCount == AveragingWindow)
        {
            _recentTotal -= _recent[_recentNext];
        }
        else
        {
            _recentCount++;
        }

        _recent[_recentNext] = rawScore;
        _recentTotal += rawScore;
        _recentNext = (_recentNext + 1) % AveragingWindow;
    }

    private double Tail(double x)
    {
        var z = Math.Abs(x - _mean) / _stdev;
        return Gaussian.TailProbability(z);
    }

    private void Estimate()
    {
        // nupic calcSkipRecords: skip the learning period unless it has already left the window.
        var window = _rawHistory.Length;
        var count = Math.Min(_iteration, window);
        var shiftedOut = Math.Max(0, _iteration - window);
        var skip = Math.Min(_iteration, Math.Max(0, _learningPeriod - shiftedOut));
        var first = _iteration - count;
        double sum = 0, sumSquares = 0, valueSum = 0, valueSquares = 0, running = 0;
        var n = 0;
        for (var k = 0; k < count; k++)
        {
            // Moving average restarted at the start of the stored history, as nupic's estimate does.
            var raw = _rawHistory[(first + k) % window];
            running += raw;
            if (k >= AveragingWindow)
            {
                running -= _rawHistory[(first + k - AveragingWindow) % window];
            }

            if (k < skip)
            {
                continue;
            }

            var average = running / Math.Min(k + 1, AveragingWindow);
            sum += average;
            sumSquares += average * average;
            var value = _valueHistory[(first + k) % window];
            valueSum += value;
            valueSquares += value * value;
            n++;
        }

        _estimated = true;
        if (n == 0)
        {
            SetNull();
            return;
        }

        var mean = sum / n;
        var variance = Math.Max(0.0, (sumSquares / n) - (mean * mean));
        var valueMean = valueSum / n;
        var valueVariance = Math.Max(0.0, (valueSquares / n) - (valueMean * valueMean));
        if (valueVariance < 1.5e-5)
        {
            // A flat metric: nupic falls back to the null distribution (everything likely).
            SetNull();
            return;
        }

        // nupic's lower bounds keep a near-perfect model from turning the slightest blip red.
        _mean = Math.Max(mean, 0.03);
        _stdev = Math.Sqrt(Math.Max(variance, 0.0003));
    }

    private void SetNull()
    {
        _mean = 0.5;
        _stdev = 1e3;
    }
}
