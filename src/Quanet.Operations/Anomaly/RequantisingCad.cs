namespace Quanet.Operations.Anomaly;

/// <summary>
/// Streaming CAD OSE whose quantisation range follows the data without look-ahead and without
/// rescaling what it has learned. During the learning period the range is the running minimum and
/// maximum (as in <see cref="ContextualAnomalyDetector"/>), then it is frozen, so learned contexts keep
/// their meaning. When a value breaks the frozen range by more than <c>tolerance</c> of its width (the
/// break Numenta's spatial rule calls anomalous), the detector re-quantises: a fresh CAD with the range
/// of every value seen so far relearns the most recent <c>learningPeriod</c> values from a replay buffer
/// (past rows only) and replaces the old one. NAB's CAD OSE run gets that wide range from the whole
/// file in advance; here the range only ever contains rows up to the current one.
/// </summary>
internal sealed class RequantisingCad
{
    private readonly int _learningPeriod;
    private readonly int _restPeriod;
    private readonly double _tolerance;
    private readonly ulong _tieBreakSeed;
    private readonly double[] _history;
    private ContextualAnomalyDetector _cad;
    private int _historyCount;
    private int _historyNext;
    private int _row;
    private int _sinceHigh;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private double _rangeMin;
    private double _rangeMax;

    /// <param name="learningPeriod">Rows with a running range before it freezes; also the replay length.</param>
    /// <param name="restPeriod">Steps the output is held at 0 after a raw score of at least <see cref="ContextualAnomalyDetector.BaseThreshold"/>.</param>
    /// <param name="tolerance">Share of the range's width a value must exceed it by to re-quantise (Numenta's spatial tolerance 0.05).</param>
    /// <param name="tieBreakSeed">Order of equally active contexts in CAD (0: CAD's; others only to measure tie-break noise).</param>
    public RequantisingCad(int learningPeriod, int restPeriod, double tolerance = 0.05, ulong tieBreakSeed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(learningPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(restPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        _learningPeriod = Math.Max(1, learningPeriod);
        _restPeriod = restPeriod;
        _tolerance = tolerance;
        _tieBreakSeed = tieBreakSeed;
        _history = new double[_learningPeriod];
        _cad = new ContextualAnomalyDetector(restPeriod, freezeRangeAfter: _learningPeriod, tieBreakSeed: tieBreakSeed);
    }

    /// <summary>Times the range was widened after the learning period.</summary>
    public int Requantisations { get; private set; }

    /// <summary>The score before the rest-period hold.</summary>
    public double LastRawScore { get; private set; }

    /// <summary>Consumes the next value; returns CAD's score, held at 0 during rest periods.</summary>
    public double Update(double value)
    {
        if (_row >= _learningPeriod)
        {
            var margin = _tolerance * (_rangeMax - _rangeMin);
            if (value > _rangeMax + margin || value < _rangeMin - margin)
            {
                Requantise(Math.Min(_min, value), Math.Max(_max, value));
            }
        }

        _cad.Update(value);
        var raw = _cad.LastRawScore;
        LastRawScore = raw;
        var output = _sinceHigh >= _restPeriod ? raw : 0.0;
        _sinceHigh = raw >= ContextualAnomalyDetector.BaseThreshold ? 0 : _sinceHigh + 1;

        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        _history[_historyNext] = value;
        _historyNext = (_historyNext + 1) % _history.Length;
        _historyCount = Math.Min(_historyCount + 1, _history.Length);
        if (++_row == _learningPeriod)
        {
            _rangeMin = _min;
            _rangeMax = _max;
        }

        return output;
    }

    private void Requantise(double min, double max)
    {
        Requantisations++;
        _rangeMin = min;
        _rangeMax = max;
        _cad = new ContextualAnomalyDetector(_restPeriod, range: (min, max), tieBreakSeed: _tieBreakSeed);
        var start = (_historyNext - _historyCount + _history.Length) % _history.Length;
        for (var k = 0; k < _historyCount; k++)
        {
            _cad.Update(_history[(start + k) % _history.Length]);
        }
    }
}
