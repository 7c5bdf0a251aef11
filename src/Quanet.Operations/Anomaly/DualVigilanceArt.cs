namespace Quanet.Operations.Anomaly;

/// <summary>
/// Dual-vigilance fuzzy ART (adaptive resonance theory; Carpenter and Grossberg's fuzzy ART with the
/// two vigilances of da Silva et al. 2020) over complement-coded feature vectors in [0, 1], as ARTime
/// (M. Hampton 2021, NAB's leading detector) uses it. A category is a fuzzy box (the element-wise
/// minimum of the inputs it learned). An input's match with a category is
/// <c>(|min(x, w)| / |w|)^3 * e^2</c>, where <c>e</c> is the same ratio over the newest value's two
/// complement-coded elements only. Every category matching at least the upper vigilance learns the
/// input (fast learning: <c>w = min(x, w)</c>); otherwise an input matching the best category at least
/// the lower vigilance becomes a new category of that category's cluster, and anything else starts a
/// new cluster, which is what the detector calls novel.
/// </summary>
internal sealed class DualVigilanceArt
{
    private readonly int _dimension;
    private readonly int _energyIndex;
    private readonly List<double[]> _weights = [];
    private readonly double[] _coded;

    /// <param name="features">Length of a feature vector before complement coding; its last element is the newest value.</param>
    /// <param name="unitCategory">Start with ARTime's all-ones category, which matches every input at 0.5^3 0.5^2 = 0.03125 with energy 0.5 and never learns.</param>
    public DualVigilanceArt(int features, bool unitCategory = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        _dimension = 2 * features;
        _energyIndex = features - 1;
        _coded = new double[_dimension];
        if (unitCategory)
        {
            var ones = new double[_dimension];
            Array.Fill(ones, 1.0);
            _weights.Add(ones);
        }
    }

    /// <summary>Lower vigilance: below it an input starts a new cluster.</summary>
    public double LowerVigilance { get; set; }

    /// <summary>Upper vigilance: at or above it an input resonates with a category and refines it.</summary>
    public double UpperVigilance { get; set; }

    /// <summary>Categories learned so far.</summary>
    public int Categories => _weights.Count;

    /// <summary>Presents <paramref name="features"/> (each in [0, 1]) and learns from it.</summary>
    public ArtPresentation Present(ReadOnlySpan<double> features)
    {
        var half = _dimension / 2;
        if (features.Length != half)
        {
            throw new ArgumentException($"expected {half} features, got {features.Length}", nameof(features));
        }

        for (var k = 0; k < half; k++)
        {
            var x = Math.Clamp(features[k], 0.0, 1.0);
            _coded[k] = x;
            _coded[half + k] = 1.0 - x;
        }

        var best = 0.0;
        var bestEnergy = 0.0;
        var bestBelow = double.NegativeInfinity;
        var resonated = false;
        foreach (var w in _weights)
        {
            var (match, energy) = Match(w);
            if (match > best)
            {
                best = match;
                bestEnergy = energy;
            }

            if (match >= UpperVigilance)
            {
                resonated = true;
                for (var k = 0; k < w.Length; k++)
                {
                    w[k] = Math.Min(w[k], _coded[k]);
                }
            }
            else if (match > bestBelow)
            {
                bestBelow = match;
            }
        }

        if (resonated)
        {
            return new ArtPresentation(best, bestEnergy, NewCluster: false);
        }

        _weights.Add((double[])_coded.Clone());
        return new ArtPresentation(best, bestEnergy, NewCluster: bestBelow < LowerVigilance);
    }

    private (double Match, double Energy) Match(double[] w)
    {
        var overlap = 0.0;
        var size = 0.0;
        for (var k = 0; k < w.Length; k++)
        {
            overlap += Math.Min(w[k], _coded[k]);
            size += w[k];
        }

        var half = _dimension / 2;
        var energyOverlap = Math.Min(w[_energyIndex], _coded[_energyIndex]) + Math.Min(w[half + _energyIndex], _coded[half + _energyIndex]);
        var energySize = w[_energyIndex] + w[half + _energyIndex];
        var similarity = size > 0 ? overlap / size : 0.0;
        var energy = energySize > 0 ? energyOverlap / energySize : 0.0;
        return (similarity * similarity * similarity * energy * energy, energy);
    }
}
