namespace Quanet.Operations.Anomaly;

/// <summary>
/// Quanet's detector: streaming CAD OSE (<see cref="ContextualAnomalyDetector"/>) with Numenta's spatial
/// anomaly rule (<see cref="SpatialAnomaly"/>); a new extreme scores 1 once the learning period is over,
/// and then starts CAD's rest period like any other high score. With <c>freezeRangeAfter</c> = the
/// learning period (detector <c>quanet</c>) CAD quantises with the range of the learning period and
/// clamps later values, so its learned contexts keep their meaning; without it (<c>quanet-running</c>)
/// the range follows the running minimum and maximum.
/// </summary>
internal sealed class EnsembleDetector : IStreamingDetector
{
    private readonly ContextualAnomalyDetector _cad;
    private readonly SpatialAnomaly _spatial = new();
    private readonly int _learningPeriod;
    private readonly int _restPeriod;
    private int _row;
    private int _sinceAlarm = int.MaxValue / 2;

    public EnsembleDetector(int learningPeriod, int freezeRangeAfter = int.MaxValue, double headroom = 0.0)
    {
        _learningPeriod = learningPeriod;
        _restPeriod = Math.Max(1, learningPeriod / 5);
        _cad = new ContextualAnomalyDetector(_restPeriod, freezeRangeAfter: freezeRangeAfter, headroom: headroom);
    }

    /// <inheritdoc />
    public double Update(double value)
    {
        var cad = _cad.Update(value);
        var spatial = _spatial.Update(value) && _row >= _learningPeriod;
        _row++;
        var score = cad;
        if (spatial && _sinceAlarm >= _restPeriod)
        {
            score = 1.0;
        }

        _sinceAlarm = score >= ContextualAnomalyDetector.BaseThreshold ? 0 : _sinceAlarm + 1;
        return score;
    }
}
