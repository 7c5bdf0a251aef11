using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling.Bifurcation;

// the scales of the dynamics a batch derives from the model: c0 and the coupling's spectral radius
internal sealed partial class BifurcationBatch
{
    /// <summary>The paper's rule for c0 (1 when the model has no couplings).</summary>
    public static float DefaultC0(BinaryQuadraticModel ising)
    {
        var n = ising.VariableCount;
        var sum = 0.0;
        foreach (var w in ising.Weights)
        {
            sum += w * w;
        }

        // Weights hold each coupling twice (both directions), as the sum over i != j does
        return n < 2 || sum == 0.0 ? 1f : (float)(0.5 / (Math.Sqrt(n) * Math.Sqrt(sum / ((double)n * (n - 1)))));
    }

    /// <summary>
    /// The largest |eigenvalue| of the coupling matrix by 100 power iterations from a fixed start vector
    /// (deterministic); a lower estimate that converges quickly for the dominant mode of Gset-like graphs.
    /// </summary>
    public static double SpectralRadius(BinaryQuadraticModel ising)
    {
        var n = ising.VariableCount;
        var rowStart = ising.RowStart;
        var neighbors = ising.Neighbors;
        var weights = ising.Weights;
        var v = new double[n];
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = 1.0 + (0.01 * (i % 7));
        }

        var radius = 0.0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var norm = 0.0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    sum += weights[k] * v[neighbors[k]];
                }

                w[i] = sum;
                norm += sum * sum;
            }

            var before = 0.0;
            foreach (var x in v)
            {
                before += x * x;
            }

            norm = Math.Sqrt(norm);
            if (norm == 0.0)
            {
                return 0.0;
            }

            radius = norm / Math.Sqrt(before);
            for (var i = 0; i < n; i++)
            {
                v[i] = w[i] / norm;
            }
        }

        return radius;
    }
}
