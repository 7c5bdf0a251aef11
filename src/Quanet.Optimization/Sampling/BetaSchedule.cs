using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling;

/// <summary>Inverse-temperature schedules for the Metropolis samplers.</summary>
public static class BetaSchedule
{
    /// <summary>
    /// The default inverse-temperature range of an Ising model, chosen as D-Wave's <c>neal</c> does
    /// (<c>_default_ising_beta_range</c>, dwave-neal 0.5): hot enough that flipping the spin with the largest
    /// total absolute bias is accepted with probability 1/2 (beta = ln 2 / max_i(|h_i| + sum_j |J_ij|)),
    /// cold enough that the smallest non-zero bias flips with probability 1/100 (beta = ln 100 / min |bias|).
    /// Returns (0.1, 1) for a model without biases.
    /// </summary>
    public static (double Hot, double Cold) DefaultRange(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ising = model.ToIsing();
        var linear = ising.Linear;
        var rowStart = ising.RowStart;
        var weights = ising.Weights;
        var minAbs = double.PositiveInfinity;
        var maxSum = 0.0;
        for (var i = 0; i < linear.Length; i++)
        {
            var sum = Math.Abs(linear[i]);
            if (linear[i] != 0.0)
            {
                minAbs = Math.Min(minAbs, Math.Abs(linear[i]));
            }

            for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                sum += Math.Abs(weights[k]);
                minAbs = Math.Min(minAbs, Math.Abs(weights[k]));
            }

            maxSum = Math.Max(maxSum, sum);
        }

        return double.IsPositiveInfinity(minAbs) ? (0.1, 1.0) : (Math.Log(2.0) / maxSum, Math.Log(100.0) / minAbs);
    }

    /// <summary><paramref name="count"/> betas spaced geometrically from <paramref name="hot"/> to <paramref name="cold"/> (both included).</summary>
    public static double[] Geometric(double hot, double cold, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var betas = new double[count];
        if (count == 1)
        {
            betas[0] = cold;
            return betas;
        }

        var ratio = Math.Log(cold / hot) / (count - 1);
        for (var k = 0; k < count; k++)
        {
            betas[k] = hot * Math.Exp(ratio * k);
        }

        betas[count - 1] = cold;
        return betas;
    }
}
