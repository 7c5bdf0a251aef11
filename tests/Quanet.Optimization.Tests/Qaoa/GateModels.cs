using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Tests.Qaoa;

/// <summary>Small seeded models and angles for the gate-model tests.</summary>
internal static class GateModels
{
    /// <summary>A QUBO with integer biases in [-3, 3], each pair coupled with probability <paramref name="density"/>, plus an offset.</summary>
    public static BinaryQuadraticModel RandomQubo(int n, int seed, double density = 0.5)
    {
        var random = new Random(seed);
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(n);
        builder.AddOffset(random.Next(-5, 6));
        for (var i = 0; i < n; i++)
        {
            builder.AddLinear(i, random.Next(-3, 4));
            for (var j = i + 1; j < n; j++)
            {
                if (random.NextDouble() < density)
                {
                    builder.AddQuadratic(i, j, random.Next(1, 4) * (random.Next(2) == 0 ? -1 : 1));
                }
            }
        }

        return builder.Build();
    }

    /// <summary>p random angle pairs in [-1, 1).</summary>
    public static (double[] Gammas, double[] Betas) RandomAngles(int p, int seed)
    {
        var random = new Random(seed);
        return ([.. Enumerable.Range(0, p).Select(_ => (random.NextDouble() * 2) - 1)], [.. Enumerable.Range(0, p).Select(_ => (random.NextDouble() * 2) - 1)]);
    }
}
