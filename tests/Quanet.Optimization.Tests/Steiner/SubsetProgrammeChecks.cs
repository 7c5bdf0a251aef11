using Quanet.Optimization.Steiner;

namespace Quanet.Optimization.Tests.Steiner;

/// <summary>
/// The checks both subset programmes (<c>LabelSettingSolver</c>, <c>SeparatorDp</c>) must pass, for a solver given as
/// (graph, upper bound) to (solved, tree or null, cost).
/// </summary>
internal static class SubsetProgrammeChecks
{
    /// <summary>No incumbent: an upper bound no tree reaches.</summary>
    public const long NoIncumbent = long.MaxValue / 8;

    /// <summary>Without an incumbent the programme finds the brute-force optimum on small random graphs.</summary>
    public static void FindsTheBruteForceOptimum(Func<SteinerGraph, long, (bool Solved, int[]? Edges, long Cost)> solve, int seedBase, int graphs, int maxTerminals)
    {
        for (var seed = 0; seed < graphs; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(4, 15);
            var g = SteinerTestGraphs.Random(seedBase + seed, n, random.Next(0, 3 * n), random.Next(2, Math.Min(n, maxTerminals) + 1), maxWeight: random.Next(1, 12));
            var optimum = SteinerTestGraphs.BruteForce(g);

            var (solved, edges, cost) = solve(g, NoIncumbent);

            Assert.True(solved, $"seed {seed}");
            Assert.True(edges is not null, $"seed {seed}: no tree, n {n}, k {g.TerminalCount}, optimum {optimum}");
            Assert.True(optimum == cost, $"seed {seed}: optimum {optimum}, programme {cost}");
            Assert.Equal(optimum, SteinerTreeValidator.Validate(g, edges));
        }
    }

    /// <summary>With the optimum as incumbent the programme proves it (no tree); with one more it finds an optimal tree.</summary>
    public static void ProvesAnOptimalIncumbentAndImprovesAWorseOne(Func<SteinerGraph, long, (bool Solved, int[]? Edges, long Cost)> solve, int seedBase)
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var g = SteinerTestGraphs.Random(seedBase + seed, 13, 22, 6, maxWeight: 20);
            var optimum = SteinerTestGraphs.BruteForce(g);

            var atOptimum = solve(g, optimum);
            var above = solve(g, optimum + 1);

            Assert.True(atOptimum.Solved);
            Assert.Null(atOptimum.Edges);
            Assert.Equal(optimum, atOptimum.Cost);
            Assert.True(above.Solved);
            Assert.NotNull(above.Edges);
            Assert.Equal(optimum, SteinerTreeValidator.Validate(g, above.Edges));
        }
    }
}
