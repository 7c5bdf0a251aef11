using Quanet.Optimization.Exact;
using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Optimization.Tests.Hybrid;

public sealed class HybridNeighbourhoodTests
{
    // rows 0..5; A {1,2,3,4} costs 4 (1.0 per row) and is what greedy takes first, then D {0} and E {5} for 2 each: 8.
    // The optimum is B {0,1,2} + C {3,4,5} = 7; F, G, H are dear distractors so the model has more variables than a subproblem.
    private static readonly (string Name, double Cost, int[] Rows)[] Columns =
    [
        ("A", 4, [1, 2, 3, 4]), ("B", 3.5, [0, 1, 2]), ("C", 3.5, [3, 4, 5]), ("D", 2, [0]), ("E", 2, [5]),
        ("F", 10, [0, 5]), ("G", 10, [1, 4]), ("H", 10, [2]),
    ];

    private static HybridModel Model()
    {
        var builder = new ConstrainedQuboBuilder();
        foreach (var (name, cost, _) in Columns)
        {
            builder.Objective.AddLinear(builder.Objective.AddVariable(name), cost);
        }

        for (var r = 0; r < 6; r++)
        {
            builder.AddAtLeastK($"row{r}", [.. Enumerable.Range(0, Columns.Length).Where(j => Columns[j].Rows.Contains(r))], 1, 16.0);
        }

        return HybridModel.FromConstrained(builder.Build(penaltyWeight: 1.0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Exact_sub_solver_on_the_neighbourhoods_leaves_the_greedy_cover_for_the_optimum(int seed)
    {
        var model = Model();
        sbyte[] greedy = [1, 0, 0, 1, 1, 0, 0, 0];
        Assert.Equal(8.0, model.Energy(greedy));

        var result = new HybridSolver().Solve(model, new HybridOptions
        {
            SubSolver = new ExhaustiveSolver(),
            SubSize = 6,
            Subproblems = 200,
            Seed = seed,
            Threads = 1,
        }, new HybridHooks { Start = greedy });

        Assert.True(result.Feasible);
        Assert.Equal(7.0, result.Energy, 9);
        Assert.Equal([0, 1, 1, 0, 0, 0, 0, 0], result.State.Select(b => (int)b));
        // all of it from sub-answers: nothing was repaired, and the per-selector gains add up to at least the total
        Assert.Equal(0, result.Statistics.Repairs);
        Assert.Equal(1.0, result.Statistics.SubproblemGain, 9);
        Assert.True(result.Statistics.Selectors.Sum(s => s.Gain) >= 1.0 - 1e-9);
        Assert.Equal(200, result.Statistics.Selectors.Sum(s => s.Subproblems));
    }
}
