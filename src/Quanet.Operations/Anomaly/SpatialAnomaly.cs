namespace Quanet.Operations.Anomaly;

/// <summary>
/// Numenta's "spatial anomaly" rule from its NAB detector: a value more than
/// <c>tolerance * (max - min)</c> beyond the minimum or maximum of every earlier value is anomalous
/// whatever the model says (Numenta uses a tolerance of 0.05).
/// </summary>
internal sealed class SpatialAnomaly(double tolerance = 0.05)
{
    private double _min = double.NaN;
    private double _max = double.NaN;

    /// <summary>Whether <paramref name="value"/> breaks the range seen so far; then widens the range.</summary>
    public bool Update(double value)
    {
        var anomalous = false;
        if (!double.IsNaN(_min) && _max > _min)
        {
            var margin = (_max - _min) * tolerance;
            anomalous = value > _max + margin || value < _min - margin;
        }

        if (double.IsNaN(_min) || value < _min)
        {
            _min = value;
        }

        if (double.IsNaN(_max) || value > _max)
        {
            _max = value;
        }

        return anomalous;
    }
}
