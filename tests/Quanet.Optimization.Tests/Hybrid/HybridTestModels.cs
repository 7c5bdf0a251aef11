using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Optimization.Tests.Hybrid;

/// <summary>Small random constrained QUBOs and the brute-force oracle the hybrid tests compare against.</summary>
internal static class HybridTestModels
{
    /// <summary>A random objective over <paramref name="n"/> binaries with random inequality, equality and at-most-one constraints.</summary>
    public static ConstrainedQubo Random(int n, int seed)
    {
        var rng = new Random(seed);
        var builder = new ConstrainedQuboBuilder();
        for (var i = 0; i < n; i++)
        {
            builder.Objective.AddVariable($"v{i}");
            builder.Objective.AddLinear(i, rng.Next(-5, 6));
        }

        for (var e = 0; e < n; e++)
        {
            var a = rng.Next(n);
            var b = rng.Next(n);
            if (a != b)
            {
                builder.Objective.AddQuadratic(a, b, rng.Next(-3, 4));
            }
        }

        int[] Pick(int count) => [.. Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(count)];
        double[] Coefficients(int count) => [.. Enumerable.Range(0, count).Select(_ => (double)rng.Next(1, 4))];
        var v1 = Pick(4);
        builder.AddGreaterOrEqual("ge", v1, Coefficients(4), 3, 1 + rng.NextDouble());
        var v2 = Pick(4);
        builder.AddLessOrEqual("le", v2, Coefficients(4), 4, 1 + rng.NextDouble());
        var v3 = Pick(3);
        builder.AddAtMostK("amo", v3, 1, 2.0);
        var v4 = Pick(3);
        builder.AddEquality("eq", v4, [1, 1, 1], 2, 1.5);
        builder.AddAtLeastK("cover", Pick(3), 1, 3.0);
        return builder.Build(penaltyWeight: 2.0);
    }

    /// <summary>min over the slack bits of <paramref name="model"/>'s energy with the first decisions fixed to <paramref name="decisions"/>.</summary>
    public static double MinOverSlack(BinaryQuadraticModel model, ReadOnlySpan<sbyte> decisions)
    {
        var n = decisions.Length;
        var slack = model.VariableCount - n;
        var state = new sbyte[model.VariableCount];
        decisions.CopyTo(state);
        var best = double.PositiveInfinity;
        for (long mask = 0; mask < 1L << slack; mask++)
        {
            for (var b = 0; b < slack; b++)
            {
                state[n + b] = (sbyte)((mask >> b) & 1);
            }

            best = Math.Min(best, model.Energy(state));
        }

        return best;
    }

    public static sbyte[] Bits(long mask, int n)
    {
        var x = new sbyte[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (sbyte)((mask >> i) & 1);
        }

        return x;
    }

    public static HybridModel ToHybrid(ConstrainedQubo qubo) => HybridModel.FromConstrained(qubo);
}
