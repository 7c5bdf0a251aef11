namespace Quanet.Operations.Anomaly;

/// <summary>
/// Quanet's detector: streaming CAD OSE with Numenta's spatial anomaly rule (<see cref="SpatialAnomaly"/>);
/// a new extreme scores 1 once the learning period is over, and then starts CAD's rest period like any
/// other high score. Detector <c>quanet</c> uses <see cref="RequantisingCad"/>: CAD's quantisation range
/// is frozen after the learning period and widened, with CAD relearning the recent past from a replay
/// buffer, whenever a value breaks it. <c>quanet-frozen</c> keeps the learning period's range and
/// clamps later values; <c>quanet-running</c> lets the range follow the running minimum and maximum
/// (rescaling what CAD has learned).
/// </summary>
internal sealed class EnsembleDetector : IStreamingDetector
{
    private readonly ContextualAnomalyDetector? _cad;
    private readonly RequantisingCad? _requantising;
    private readonly SpatialAnomaly _spatial = new();
    private readonly int _learningPeriod;
    private readonly int _restPeriod;
    private readonly AnomalyLikelihood? _likelihood;
    private int _row;
    private int _sinceAlarm = int.MaxValue / 2;

    /// <param name="learningPeriod">Rows the detector learns before the spatial rule may fire.</param>
    /// <param name="freezeRangeAfter">Rows after which CAD's quantisation range stops widening.</param>
    /// <param name="headroom">Share of the frozen range's width added on each side when it freezes.</param>
    /// <param name="withLikelihood">Also report Numenta's anomaly likelihood (log scale) of CAD's raw surprise, outside rest periods.</param>
    /// <param name="requantise">Use <see cref="RequantisingCad"/> (frozen range, re-quantised with replay on a range break) instead of plain CAD.</param>
    /// <param name="tieBreakSeed">Order of equally active CAD contexts (0: CAD's; others only to measure tie-break noise).</param>
    public EnsembleDetector(int learningPeriod, int freezeRangeAfter = int.MaxValue, double headroom = 0.0, bool withLikelihood = false, bool requantise = false, ulong tieBreakSeed = 0)
    {
        _learningPeriod = learningPeriod;
        var half = learningPeriod / 2;
        _likelihood = withLikelihood ? new AnomalyLikelihood(half, learningPeriod - half) : null;
        _restPeriod = Math.Max(1, learningPeriod / 5);
        if (requantise)
        {
            _requantising = new RequantisingCad(learningPeriod, _restPeriod, tieBreakSeed: tieBreakSeed);
        }
        else
        {
            _cad = new ContextualAnomalyDetector(_restPeriod, freezeRangeAfter: freezeRangeAfter, headroom: headroom, tieBreakSeed: tieBreakSeed);
        }
    }

    /// <inheritdoc />
    public double Update(double value)
    {
        var cad = _requantising?.Update(value) ?? _cad!.Update(value);
        var raw = _requantising?.LastRawScore ?? _cad!.LastRawScore;
        var spatial = _spatial.Update(value) && _row >= _learningPeriod;
        _row++;
        var score = cad;
        var resting = _sinceAlarm < _restPeriod;
        if (_likelihood is not null)
        {
            var likelihood = AnomalyLikelihood.LogScale(_likelihood.Update(value, raw));
            if (!resting)
            {
                score = Math.Max(score, Math.Clamp(likelihood, 0.0, 1.0));
            }
        }

        if (spatial && !resting)
        {
            score = 1.0;
        }

        _sinceAlarm = score >= ContextualAnomalyDetector.BaseThreshold ? 0 : _sinceAlarm + 1;
        return score;
    }
}
