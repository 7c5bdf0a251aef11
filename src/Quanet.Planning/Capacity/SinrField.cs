namespace Quanet.Planning.Capacity;

/// <summary>What <see cref="SinrEvaluator.Evaluate"/> found for one set of open sites.</summary>
internal sealed class SinrField(SinrEvaluator evaluator, int[] open, int[] server, double[] signal, double[] total, int[] leftOut, TimeSpan elapsed)
{
    /// <summary>The evaluator (noise, cut-off).</summary>
    public SinrEvaluator Evaluator => evaluator;

    /// <summary>The open sites.</summary>
    public int[] Open => open;

    /// <summary>For each demand point its strongest open site within the cut-off, or -1.</summary>
    public int[] Server => server;

    /// <summary>For each demand point the strongest site's power, mW.</summary>
    public double[] Signal => signal;

    /// <summary>For each demand point the power of every open site within the cut-off, mW.</summary>
    public double[] Total => total;

    /// <summary>For each demand point the open sites beyond the cut-off.</summary>
    public int[] LeftOut => leftOut;

    /// <summary>Wall time of the evaluation.</summary>
    public TimeSpan Elapsed => elapsed;

    /// <summary>SINR of demand point <paramref name="demand"/> at its strongest server, linear; 0 without one.</summary>
    public double Sinr(int demand) => server[demand] < 0 ? 0 : signal[demand] / (evaluator.NoiseMilliwatts + total[demand] - signal[demand]);

    /// <summary>SINR of demand point <paramref name="demand"/> if a site of power <paramref name="power"/> served it, with every other open site interfering, linear.</summary>
    /// <param name="demand">The demand point.</param>
    /// <param name="power">The site's power at the point (<see cref="SinrEvaluator.Power(int, int, Terrain.TerrainProfile?)"/>), mW.</param>
    /// <param name="isOpen">Whether the site is one of <see cref="Open"/> (its power is then part of <see cref="Total"/>).</param>
    public double SinrIfServedBy(int demand, double power, bool isOpen)
    {
        var interference = Math.Max(0, total[demand] - (isOpen ? power : 0));
        return power / (evaluator.NoiseMilliwatts + interference);
    }

    /// <summary>The largest interference left out at any demand point (sites beyond the cut-off at the cut-off's power), relative to noise, dB; -inf when none.</summary>
    public double LeftOutBelowNoiseDb()
    {
        var most = 0;
        foreach (var n in leftOut)
        {
            most = Math.Max(most, n);
        }

        return most == 0 ? double.NegativeInfinity : 10 * Math.Log10(most * evaluator.CutoffPowerMilliwatts / evaluator.NoiseMilliwatts);
    }
}
