using CsCheck;
using Quanet.Core;
using Quanet.Optimization.Qubo.Constraints;
using Quanet.Optimization.Steiner.Qubo;
using Quanet.Optimization.Tests.Steiner;

namespace Quanet.Optimization.Tests.Qubo.Constraints;

public sealed class UnbalancedPenaltyTests
{
    [Fact]
    public void Unbalanced_energy_is_objective_plus_w_times_minus_lambda1_h_plus_lambda2_h_squared_on_every_state()
    {
        // Montañez-Barrera et al. 2024, eq. for h(x) = b - a·x >= 0: penalty -λ1 h + λ2 h², no slack bits
        var gen = from greater in Gen.Bool
                  from coefs in Gen.Int[-3, 3].Array[5]
                  from rhs in Gen.Int[-4, 6]
                  from linear in Gen.Int[-5, 5].Array[5]
                  from l1 in Gen.Int[0, 4]
                  from l2 in Gen.Int[1, 4]
                  select (greater, coefs, rhs, linear, l1, l2);
        gen.Sample(t =>
        {
            var (greater, coefs, rhs, linear, l1, l2) = t;
            var builder = new ConstrainedQuboBuilder();
            builder.Objective.AddVariables(5);
            for (var i = 0; i < 5; i++)
            {
                builder.Objective.AddLinear(i, linear[i]);
            }

            var doubles = Array.ConvertAll(coefs, c => (double)c);
            if (greater)
            {
                builder.AddGreaterOrEqual("c", [0, 1, 2, 3, 4], doubles, rhs, weight: 3);
            }
            else
            {
                builder.AddLessOrEqual("c", [0, 1, 2, 3, 4], doubles, rhs, weight: 3);
            }

            ConstrainedQubo qubo;
            try
            {
                qubo = builder.Build(QuboFormulation.Unbalanced, penaltyWeight: 2, unbalanced: new UnbalancedPenalty(l1 / 2.0, l2 / 2.0));
            }
            catch (QuanetException)
            {
                return; // impossible constraint, covered by the slack tests
            }

            Assert.Equal(0, qubo.SlackVariableCount);
            Assert.Equal(QuboFormulation.Unbalanced, qubo.Formulation);
            var always = SatisfiedEverywhere(coefs, rhs, greater);
            var state = new sbyte[5];
            for (var mask = 0; mask < 32; mask++)
            {
                var lhs = 0.0;
                for (var i = 0; i < 5; i++)
                {
                    state[i] = (sbyte)((mask >> i) & 1);
                    lhs += coefs[i] * state[i];
                }

                var h = greater ? lhs - rhs : rhs - lhs;
                var penalty = always ? 0 : 6 * ((-l1 / 2.0 * h) + (l2 / 2.0 * h * h));
                Assert.Equal(qubo.ObjectiveValue(state) + penalty, qubo.Model.Energy(state), 9);
            }
        });
    }

    [Fact]
    public void Default_multipliers_give_zero_penalty_at_the_bound_and_one_unit_inside_it()
    {
        // x0 + x1 + x2 <= 2 with λ1 = λ2 = 1: w h(h - 1) is 0 for h = 0 and 1, 2w for h = 2 (nothing set), 2w for h = -1
        var builder = new ConstrainedQuboBuilder();
        builder.Objective.AddVariables(3);
        builder.AddAtMostK("k", [0, 1, 2], 2, weight: 5);

        var qubo = builder.Build(QuboFormulation.Unbalanced, penaltyWeight: 1);

        Assert.Equal(0, qubo.SlackVariableCount);
        Assert.Equal(10, qubo.Model.Energy([0, 0, 0]), 9);
        Assert.Equal(0, qubo.Model.Energy([1, 0, 0]), 9);
        Assert.Equal(0, qubo.Model.Energy([1, 1, 0]), 9);
        Assert.Equal(10, qubo.Model.Energy([1, 1, 1]), 9);
        Assert.Equal(3, qubo.CouplerCount);
        Assert.Equal(1.0, qubo.Density, 12);
    }

    [Fact]
    public void Slack_formulation_of_the_same_constraint_adds_two_slack_bits()
    {
        // x0 + x1 + x2 <= 2: slack range 0..2 in bits of value 1 and 1
        var builder = new ConstrainedQuboBuilder();
        builder.Objective.AddVariables(3);
        builder.AddAtMostK("k", [0, 1, 2], 2);

        var slack = builder.Build(QuboFormulation.Slack, penaltyWeight: 1);

        Assert.Equal(2, slack.SlackVariableCount);
        Assert.Equal(10, slack.CouplerCount);
        Assert.Equal(1.0, slack.Density, 12);
    }

    [Fact]
    public void Formulation_report_is_the_same_at_one_and_two_threads_and_counts_feasible_reads()
    {
        var g = SteinerTestGraphs.Random(4242, 5, 3, 3);
        var optimum = SteinerTestGraphs.BruteForce(g);
        var qubo = SteinerQubo.Build(g, upperBound: optimum * 2);
        var sampling = new FormulationSampling { Reads = 40, Sweeps = 200, Seed = 7 };

        var one = qubo.Measure(optimum, sampling with { Threads = 1 });
        var two = qubo.Measure(optimum, sampling with { Threads = 2 });

        Assert.Equal(one, two);
        Assert.Equal(40, one.Reads);
        Assert.Equal(qubo.VariableCount, one.Variables);
        Assert.Equal(0, one.SlackVariables);
        Assert.Equal(qubo.Model.InteractionCount, one.Couplers);
        Assert.InRange(one.FeasibleReads, 1, 40);
        Assert.InRange(one.OptimalReads, 0, one.FeasibleReads);
        Assert.True(one.BestObjective >= optimum, $"best {one.BestObjective} below the optimum {optimum}");
    }

    private static bool SatisfiedEverywhere(int[] coefs, int rhs, bool greater)
    {
        var min = 0;
        var max = 0;
        foreach (var c in coefs)
        {
            min += Math.Min(c, 0);
            max += Math.Max(c, 0);
        }

        return greater ? min >= rhs : max <= rhs;
    }
}
