namespace Quanet.Operations.Anomaly;

/// <summary>
/// Detector <c>art</c>: a strictly streaming version of ARTime (M. Hampton 2021, NAB's leading
/// detector; adaptive resonance, <see cref="ArtResonance"/>). ARTime's NAB run scales every file by its
/// whole-file minimum and maximum, which is look-ahead. Here the scale is the range of the rows seen so
/// far, widened on each side by a quarter of its width times <c>learning period / rows seen</c> (a new
/// extreme gets rarer the more rows have been seen, so the margin for later ones shrinks), and fixed
/// until a value breaks the seen range by more than 5% of its width (Numenta's spatial rule, which then
/// scores 1): then a fresh network on the new range relearns the last four learning periods from a
/// replay buffer (past rows only) and takes over, with no masking carried over from the replay, so its
/// first novelty is scored. The first network is built the same way at the end of the learning period
/// (there ARTime's masking after its batch stays). After any reported score, every score of the next
/// masking period (ARTime's 12 blocks) is suppressed, range breaks and clearly less similar novelties
/// included: one event is reported once. Blocks as ARTime's: about 13 windows of 8 blocks per
/// learning period. Deterministic (no randomness).
/// </summary>
internal sealed class ArtDetector : IStreamingDetector
{
    private const int WindowsPerLearningPeriod = 13;
    private const double Tolerance = 0.05;
    private const double Headroom = 0.25;
    private const int ReplayPeriods = 4;
    private readonly int _learningPeriod;
    private readonly int _rowsPerStep;
    private readonly int _trend;
    private readonly double[] _history;
    private ArtResonance? _resonance;
    private int _historyCount;
    private int _historyNext;
    private int _row;
    private int _lastReport = int.MinValue / 2;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private double _rangeMin;
    private double _rangeMax;

    /// <param name="learningPeriod">NAB's probation: rows learned before the first score (at least 16 are used).</param>
    public ArtDetector(int learningPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(learningPeriod);
        var even = learningPeriod - (learningPeriod % 2);
        _learningPeriod = Math.Max(2 * ArtFeatureEncoder.Window, even);
        _rowsPerStep = Math.Max(1, _learningPeriod / (ArtFeatureEncoder.Window * WindowsPerLearningPeriod));
        _trend = Math.Max(2 * ArtFeatureEncoder.Window, _learningPeriod / _rowsPerStep);
        _history = new double[_learningPeriod * ReplayPeriods];
    }

    /// <summary>Networks built so far (the first at the end of the learning period, one more per range break).</summary>
    public int Rebuilds { get; private set; }

    /// <inheritdoc />
    public double Update(double value)
    {
        var score = 0.0;
        if (_resonance is not null)
        {
            var margin = Tolerance * (_rangeMax - _rangeMin);
            if (value > _rangeMax + margin || value < _rangeMin - margin)
            {
                Rebuild(Math.Min(_min, value), Math.Max(_max, value));
                _resonance.Unmask();
                score = 1.0;
            }

            score = Math.Max(score, _resonance.Update(value));
        }

        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        _history[_historyNext] = value;
        _historyNext = (_historyNext + 1) % _history.Length;
        _historyCount = Math.Min(_historyCount + 1, _history.Length);
        if (score > 0)
        {
            score = _row - _lastReport <= ArtResonance.MaskBlocks * _rowsPerStep ? 0.0 : score;
            _lastReport = score > 0 ? _row : _lastReport;
        }

        if (++_row == _learningPeriod)
        {
            Rebuild(_min, _max);
        }

        return score;
    }

    // A fresh network on [min, max] (plus headroom) that has learned the buffered rows; on a range break
    // the breaking value is not among them: it is presented next. The headroom is a quarter of the width
    // at the end of the learning period and shrinks as 1 / rows seen after it (after n of N exchangeable
    // rows, the chance that a later one sets a new extreme falls as 1 / n).
    private void Rebuild(double min, double max)
    {
        Rebuilds++;
        _rangeMin = min;
        _rangeMax = max;
        var pad = Headroom * (max - min) * _learningPeriod / Math.Max(_learningPeriod, _row);
        _resonance = new ArtResonance(_rowsPerStep, _trend, min - pad, max + pad);
        var start = (_historyNext - _historyCount + _history.Length) % _history.Length;
        for (var k = 0; k < _historyCount; k++)
        {
            _resonance.Update(_history[(start + k) % _history.Length]);
        }
    }
}
