namespace Quanet.Operations.Anomaly;

internal sealed partial class ArtResonance
{
    private int _firstDetectStep = 1;

    // The probation batch: choose the starting vigilance on it, then run it through the detection loop
    // (unscored) so the network and the vigilance statistics start from the whole batch.
    private void LearnBatch()
    {
        var vigilance = InitialVigilanceOf(_batch, _trend);
        _art.LowerVigilance = vigilance;
        _art.UpperVigilance = vigilance;
        _firstDetectStep = _step - _batch.Count + 1;
        for (var k = 0; k < _batch.Count; k++)
        {
            // ARTime presents the steps before the first full window unlearned: its first step makes
            // no match (0), the others match only its initial all-ones category (0.5^3 0.5^2)
            var presented = _batch[k] is { } features ? _art.Present(features) : new ArtPresentation(k == 0 ? 0.0 : 0.03125, 0.5, NewCluster: true);
            Detect(presented, _firstDetectStep + k);
        }

        _batch.Clear();
    }

    /// <summary>Lets the next novelty score: clears the masking left by what was learned so far.</summary>
    public void Unmask()
    {
        _maskAfterCluster = false;
        _lastAnomaly = int.MinValue / 2;
    }

    // A trial network at vigilance 0.8 learns the batch's feature vectors, least typical first (ordered by
    // summed cosine similarity to the others); the mean best similarity over about the second half is the
    // vigilance.
    private static double InitialVigilanceOf(List<double[]?> all, int trend)
    {
        var batch = new List<double[]>();
        foreach (var features in all)
        {
            if (features is not null)
            {
                batch.Add(features);
            }
        }

        var n = batch.Count;
        var typicality = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var s = Cosine(batch[i], batch[j]);
                typicality[i] += s;
                typicality[j] += s;
            }
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(typicality, order);
        var trial = new DualVigilanceArt(ArtFeatureEncoder.FeatureCount)
        {
            LowerVigilance = InitialVigilance,
            UpperVigilance = InitialVigilance,
        };
        var sum = 0.0;
        var count = 0;
        // as ARTime: the trial network's first input only initialises it (similarity 0, not learned), and
        // the mean runs from step trend / 2 (counted in blocks, as the trend) to the end
        for (var k = 1; k < n; k++)
        {
            var similarity = trial.Present(batch[order[k]]).Similarity;
            if (k >= (trend / 2) - 1)
            {
                sum += similarity;
                count++;
            }
        }

        return count > 0 ? sum / count : InitialVigilance;
    }

    private static double Cosine(double[] a, double[] b)
    {
        var dot = 0.0;
        var na = 0.0;
        var nb = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }

        na = Math.Sqrt(na);
        nb = Math.Sqrt(nb);
        return na == 0 ? 1 - nb : nb == 0 ? 1 - na : dot / (na * nb);
    }
}
