namespace Quanet.Operations.Anomaly;

/// <summary>Per-row NAB weights of one series for one profile (see <see cref="NabScorer.Sweep"/>).</summary>
public sealed class SeriesSweep
{
    internal SeriesSweep(double[] weights, int[] windowOf, int windowCount)
    {
        WeightArray = weights;
        WindowArray = windowOf;
        WindowCount = windowCount;
        var scorable = 0;
        foreach (var w in windowOf)
        {
            scorable += w == NabScorer.Probationary ? 0 : 1;
        }

        ScorableRows = scorable;
    }

    /// <summary>The weighted score each row would earn if detected.</summary>
    public IReadOnlyList<double> Weights => WeightArray;

    /// <summary>Per row: the window index, <see cref="NabScorer.OutsideWindow"/> or <see cref="NabScorer.Probationary"/>.</summary>
    public IReadOnlyList<int> WindowOf => WindowArray;

    /// <summary>Windows of the series.</summary>
    public int WindowCount { get; }

    /// <summary>Rows after the probation period.</summary>
    public int ScorableRows { get; }

    /// <summary>Rows of the series.</summary>
    public int Length => WeightArray.Length;

    internal double[] WeightArray { get; }

    internal int[] WindowArray { get; }
}
