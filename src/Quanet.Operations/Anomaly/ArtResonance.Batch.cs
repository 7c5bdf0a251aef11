namespace Quanet.Operations.Anomaly;

internal sealed partial class ArtResonance
{
    private int _firstDetectStep = 1;

    // The probation batch: choose the starting vigilance on it, then run it through the detection loop
    // (unscored) so the network and the vigilance statistics start from the whole batch.
    private void LearnBatch()
    {
        var vigilance = InitialVigilanceOf(_batch);
        _art.LowerVigilance = vigilance;
        _art.UpperVigilance = vigilance;
        _firstDetectStep = _step - _batch.Count + 1;
        for (var k = 0; k < _batch.Count; k++)
        {
            Detect(_batch[k], _firstDetectStep + k);
        }

        _batch.Clear();
    }

    /// <summary>Lets the next novelty score: clears the masking left by what was learned so far.</summary>
    public void Unmask()
    {
        _maskAfterCluster = false;
        _lastAnomaly = int.MinValue / 2;
    }

    // A trial network at vigilance 0.8 learns the batch, least typical vector first (ordered by summed
    // cosine similarity to the others); the mean best similarity over the second half is the vigilance.
    private static double InitialVigilanceOf(List<double[]> batch)
    {
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
        for (var k = 0; k < n; k++)
        {
            var similarity = trial.Present(batch[order[k]]).Similarity;
            if (k >= n / 2)
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
