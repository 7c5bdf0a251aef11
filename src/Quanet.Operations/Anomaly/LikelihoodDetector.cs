namespace Quanet.Operations.Anomaly;

/// <summary>
/// Numenta's NAB recipe around a different raw model: the raw score is the streaming CAD surprise
/// (<see cref="ContextualAnomalyDetector.LastRawScore"/>, the share of the input its contexts failed to
/// predict, in the role HTM's raw anomaly score plays), turned into a likelihood by
/// <see cref="AnomalyLikelihood"/> (learning period = half the learning period given, estimation samples =
/// the other half) and reported on Numenta's log scale; a spatial anomaly (<see cref="SpatialAnomaly"/>) scores 1.
/// </summary>
internal sealed class LikelihoodDetector : IStreamingDetector
{
    private readonly ContextualAnomalyDetector _cad;
    private readonly AnomalyLikelihood _likelihood;
    private readonly SpatialAnomaly _spatial = new();

    public LikelihoodDetector(int learningPeriod)
    {
        _cad = new ContextualAnomalyDetector(Math.Max(1, learningPeriod / 5), freezeRangeAfter: learningPeriod);
        var half = learningPeriod / 2;
        _likelihood = new AnomalyLikelihood(half, learningPeriod - half);
    }

    /// <inheritdoc />
    public double Update(double value)
    {
        _cad.Update(value);
        var likelihood = _likelihood.Update(value, _cad.LastRawScore);
        var score = AnomalyLikelihood.LogScale(likelihood);
        return _spatial.Update(value) ? 1.0 : Math.Clamp(score, 0.0, 1.0);
    }
}
