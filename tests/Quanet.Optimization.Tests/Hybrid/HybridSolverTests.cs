using Quanet.Optimization.Exact;
using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;
using static Quanet.Optimization.Tests.Hybrid.HybridTestModels;

namespace Quanet.Optimization.Tests.Hybrid;

public sealed class HybridSolverTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(3)]
    [InlineData(4)]
    public void Never_returns_an_infeasible_or_worse_than_start_answer(int seed)
    {
        var qubo = Random(10, seed);
        var model = ToHybrid(qubo);
        // the worst feasible state, found by enumeration, leaves the loop room to improve
        sbyte[]? start = null;
        var optimum = double.PositiveInfinity;
        for (long mask = 0; mask < 1 << 10; mask++)
        {
            var x = Bits(mask, 10);
            if (model.IsFeasible(x))
            {
                optimum = Math.Min(optimum, model.Energy(x));
                if (start is null || model.Energy(x) > model.Energy(start))
                {
                    start = x;
                }
            }
        }

        Assert.NotNull(start);
        var options = new HybridOptions { SubSolver = new ExhaustiveSolver(), SubSize = 12, Subproblems = 40, Seed = seed };

        var result = new HybridSolver().Solve(model, options, new HybridHooks { Start = start });

        Assert.True(result.Feasible);
        Assert.True(model.IsFeasible(result.State));
        Assert.Equal(model.Energy(result.State), result.Energy, 9);
        Assert.True(result.Energy <= model.Energy(start) + 1e-9);
        Assert.True(result.Energy >= optimum - 1e-9);
        Assert.Equal(40, result.Statistics.Subproblems);
        Assert.Equal(model.Energy(start) - result.Energy, result.Statistics.SubproblemGain + result.Statistics.RepairGain, 6);
    }

    [Fact]
    public void One_subproblem_spanning_a_plain_qubo_solved_exactly_gives_its_enumerated_ground_state()
    {
        var bqm = Random(14, 9).Objective;
        var model = HybridModel.FromBqm(bqm);
        var ground = new ExhaustiveSolver().Sample(bqm, new SamplerOptions()).Best.Energy;

        var result = new HybridSolver().Solve(model, new HybridOptions { SubSolver = new ExhaustiveSolver(), SubSize = 14, Subproblems = 1 });

        Assert.Equal(ground, result.Energy, 9);
    }

    [Fact]
    public void Same_seed_gives_the_same_answer_at_one_and_two_threads()
    {
        var bqm = Random(80, 5).Model;
        var model = HybridModel.FromBqm(bqm);
        HybridResult Run(int threads) => new HybridSolver().Solve(model, new HybridOptions
        {
            SubSolver = new TabuSampler { MovesPerRead = 500 },
            SubSize = 16,
            Subproblems = 60,
            Seed = 42,
            SubReads = 2,
            Threads = threads,
        });

        var one = Run(1);
        var two = Run(2);

        Assert.Equal(one.State, two.State);
        Assert.Equal(one.Energy, two.Energy);
        Assert.Equal(one.Statistics.Accepted, two.Statistics.Accepted);
        Assert.Equal(one.Statistics.SubproblemGain, two.Statistics.SubproblemGain);
        Assert.True(one.Energy <= bqm.Energy(new sbyte[bqm.VariableCount]));
    }

    [Fact]
    public void Export_writes_every_subproblem_as_a_model_file_with_the_same_energies()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"quanet-hybrid-export-{Guid.NewGuid():N}");
        try
        {
            var model = ToHybrid(Random(10, 3));
            var sampler = new ExportingSampler(directory, new ExhaustiveSolver());

            new HybridSolver().Solve(model, new HybridOptions { SubSolver = sampler, SubSize = 8, Subproblems = 3 });

            var files = Directory.GetFiles(directory, "sub-*.json").Order().ToArray();
            Assert.Equal(3, files.Length);
            Assert.Equal(3, sampler.Exported);
            var read = QuboFormats.Read(files[0]);
            var zeros = new sbyte[read.VariableCount];
            Assert.True(read.VariableCount <= 8);
            Assert.True(read.VariableCount > 0);
            Assert.Equal(read.Offset, read.Energy(zeros), 9);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
