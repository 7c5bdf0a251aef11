namespace Quanet.Operations.Anomaly;

/// <summary>
/// Contextual Anomaly Detector, open-source edition (CAD OSE; M. Smirnov 2016, NAB detector
/// <c>contextOSE</c>), made strictly streaming. Each value is quantised to <c>2^bits</c> levels of the
/// value range and written as <c>bits</c> binary sensor facts; the detector learns contexts "these
/// facts (and these active contexts) were followed by those facts" and predicts the next step's facts.
/// When the new value is not fully predicted the score is
/// <c>(1 - share of selected contexts that became active + share of candidate contexts that were new) / 2</c>,
/// and after any score of at least <see cref="BaseThreshold"/> the output is held at 0 for the rest period.
/// Unlike the NAB run, which quantises with the minimum and maximum of the whole file, the range here is
/// the running minimum and maximum of the values seen so far (no look-ahead).
/// </summary>
internal sealed class ContextualAnomalyDetector : IStreamingDetector
{
    /// <summary>Scores at or above this start a rest period (CAD OSE default 0.75).</summary>
    public const double BaseThreshold = 0.75;

    private const int MaxActiveNeurons = 15;
    private const int NeuronFactBase = 64;
    private readonly int _bits;
    private readonly int _restPeriod;
    private readonly ContextMemory _memory;
    private readonly List<ActiveContext> _active = [];
    private readonly PotentialContexts _potential = new();
    private readonly int[] _sensor;
    private readonly bool _fixedRange;
    private readonly int _freezeAfter;
    private readonly double _headroom;
    private int _seen;
    private int[] _left = new int[64];
    private int _leftCount;
    private int _predicted;
    private int _sinceHigh;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    /// <param name="restPeriod">Steps to hold the output at 0 after a high score (NAB run: probation / 5).</param>
    /// <param name="bits">Binary digits of the quantised value (CAD OSE default 3).</param>
    /// <param name="maxLeftLength">Longest left side of a learned context (CAD OSE default 7).</param>
    /// <param name="range">Fixed quantisation range instead of the running one (diagnostics only: NAB's run uses the whole file's range, which is look-ahead).</param>
    /// <param name="freezeRangeAfter">Stop widening the running range after this many values (values outside are clamped).</param>
    /// <param name="headroom">When the range freezes, widen it by this share of its width on each side.</param>
    /// <param name="tieBreakSeed">Order of equally active contexts (see <see cref="ContextMemory"/>); 0 is CAD's.</param>
    public ContextualAnomalyDetector(int restPeriod, int bits = 3, int maxLeftLength = 7, (double Min, double Max)? range = null, int freezeRangeAfter = int.MaxValue, double headroom = 0.0, ulong tieBreakSeed = 0)
    {
        _headroom = headroom;
        _freezeAfter = freezeRangeAfter;
        _fixedRange = range.HasValue;
        if (range is { } r)
        {
            _min = r.Min;
            _max = r.Max;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(restPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 16);
        _restPeriod = restPeriod;
        _bits = bits;
        _sensor = new int[bits];
        _memory = new ContextMemory(maxLeftLength, tieBreakSeed);
    }

    /// <summary>The score before the rest-period hold, for diagnostics and ensembles.</summary>
    public double LastRawScore { get; private set; }

    /// <inheritdoc />
    public double Update(double value)
    {
        if (!_fixedRange && _seen < _freezeAfter)
        {
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
        }

        if (!_fixedRange && ++_seen == _freezeAfter)
        {
            var width = _max - _min;
            _min -= _headroom * width;
            _max += _headroom * width;
        }

        var maxLevel = (1 << _bits) - 1;
        var range = _max - _min;
        var step = range > 0 ? range / maxLevel : 1.0;
        var level = (int)Math.Clamp(Math.Floor((value - _min) / step), 0, maxLevel);
        var sensorMask = 0;
        for (var s = 0; s < _bits; s++)
        {
            var fact = (2 * s) + ((level >> s) & 1);
            _sensor[s] = fact;
            sensorMask |= 1 << fact;
        }

        var surprised = (sensorMask & ~_predicted) != 0;
        var (active, added) = Step(sensorMask);
        var score = surprised ? (1.0 - active + added) / 2.0 : 0.0;
        LastRawScore = score;
        var output = _sinceHigh >= _restPeriod ? score : 0.0;
        _sinceHigh = score >= BaseThreshold ? 0 : _sinceHigh + 1;
        return output;
    }

    private (double ActiveShare, double AddedShare) Step(int sensorMask)
    {
        _potential.Clear();
        var newContext = false;
        if (_leftCount > 0)
        {
            _potential.AddUniqueOnly(_left.AsSpan(0, _leftCount), sensorMask);
            newContext = _memory.AddZeroLevel(_left.AsSpan(0, _leftCount), sensorMask);
        }

        _active.Clear();
        var selected = _memory.CrossRight(_sensor, newContext, _active, _potential);
        var unique = _potential.UniqueCount;
        var activeShare = selected > 0 ? _active.Count / (double)selected : 0.0;

        _active.Sort();
        var neurons = Math.Min(MaxActiveNeurons, _active.Count);
        if (_left.Length < _bits + neurons)
        {
            _left = new int[_bits + neurons];
        }

        _sensor.CopyTo(_left, 0);
        for (var k = 0; k < neurons; k++)
        {
            _left[_bits + k] = NeuronFactBase + _active[_active.Count - neurons + k].Id;
        }

        Array.Sort(_left, _bits, neurons);
        _leftCount = _bits + neurons;

        _predicted = _memory.CrossLeft(_left.AsSpan(0, _leftCount), _potential, out var added);
        added += newContext ? 1 : 0;
        var addedShare = newContext && unique > 0 ? added / (double)unique : 0.0;
        return (activeShare, addedShare);
    }
}
