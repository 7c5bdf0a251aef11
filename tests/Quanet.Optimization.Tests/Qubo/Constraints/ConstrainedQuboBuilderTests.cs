using CsCheck;
using Quanet.Core;
using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Optimization.Tests.Qubo.Constraints;

public sealed class ConstrainedQuboBuilderTests
{
    [Fact]
    public void Penalties_vanish_exactly_on_feasible_states_for_the_best_slack()
    {
        // random integer constraints on 5 variables: for every decision state, the best slack setting gives
        // penalty 0 when the state is feasible and at least P otherwise
        var gen = from sense in Gen.Enum<ConstraintSense>()
                  from coefs in Gen.Int[-3, 3].Array[5]
                  from rhs in Gen.Int[-4, 6]
                  select (sense, coefs, rhs);
        gen.Sample(t =>
        {
            var (sense, coefs, rhs) = t;
            var builder = new ConstrainedQuboBuilder();
            builder.Objective.AddVariables(5);
            var vars = new[] { 0, 1, 2, 3, 4 };
            var doubles = Array.ConvertAll(coefs, c => (double)c);
            try
            {
                _ = sense switch
                {
                    ConstraintSense.Equal => builder.AddEquality("c", vars, doubles, rhs),
                    ConstraintSense.LessOrEqual => builder.AddLessOrEqual("c", vars, doubles, rhs),
                    _ => builder.AddGreaterOrEqual("c", vars, doubles, rhs),
                };
                var qubo = builder.Build(penaltyWeight: 10);
                AssertPenaltyExact(qubo);
            }
            catch (QuanetException)
            {
                // the constraint is impossible: check by enumeration that it is
                Assert.True(Enumerable.Range(0, 32).All(s => Violated(coefs, sense, rhs, s)));
            }
        });
    }

    [Fact]
    public void At_most_one_uses_pairwise_penalties_and_no_slack()
    {
        var builder = new ConstrainedQuboBuilder();
        builder.Objective.AddVariables(4);
        builder.AddAtMostK("amo", [0, 1, 2, 3], 1);
        var qubo = builder.Build(penaltyWeight: 5);

        Assert.Equal(0, qubo.SlackVariableCount);
        Assert.Equal(0, qubo.Model.Energy([0, 1, 0, 0]));
        Assert.Equal(5, qubo.Model.Energy([1, 1, 0, 0]));
        Assert.Single(qubo.Check([1, 1, 0, 0]));
    }

    [Fact]
    public void At_most_k_slack_range_is_exact()
    {
        // sum of 6 variables <= 4: slack must take every value 0..4 and no more -> bits 1, 2, 1
        var builder = new ConstrainedQuboBuilder();
        builder.Objective.AddVariables(6);
        builder.AddAtMostK("budget", [0, 1, 2, 3, 4, 5], 4);
        var qubo = builder.Build(penaltyWeight: 3);

        Assert.Equal(3, qubo.SlackVariableCount);
        AssertPenaltyExact(qubo);
    }

    [Fact]
    public void Check_reports_each_broken_constraint_by_name()
    {
        var builder = new ConstrainedQuboBuilder();
        builder.Objective.AddVariables(3);
        builder.AddOneHot("pick-one", [0, 1, 2]);
        builder.AddAtLeastK("two-of-first", [0, 1], 2);
        var qubo = builder.Build();

        var violations = qubo.Check([0, 0, 0]);

        Assert.Equal(["pick-one", "two-of-first"], violations.Select(v => v.Constraint.Name));
        Assert.DoesNotContain(builder.Build().Check([1, 1, 0]), v => v.Constraint.Name == "two-of-first");
    }

    [Fact]
    public void Inequalities_with_fractional_coefficients_are_refused()
    {
        var builder = new ConstrainedQuboBuilder();
        builder.Objective.AddVariables(2);

        var ex = Assert.Throws<ArgumentException>(() => builder.AddLessOrEqual("frac", [0, 1], [0.5, 1], 1));
        Assert.Contains("integer coefficients", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggested_penalty_makes_the_ground_state_feasible_with_the_safe_strategy()
    {
        // maximise 5 x0 + 4 x1 + 3 x2 subject to at most one chosen: optimum picks x0 alone
        var builder = new ConstrainedQuboBuilder();
        builder.Objective.AddVariables(3);
        builder.Objective.AddLinear(0, -5);
        builder.Objective.AddLinear(1, -4);
        builder.Objective.AddLinear(2, -3);
        builder.AddAtMostK("one", [0, 1, 2], 1);
        var qubo = builder.Build(strategy: PenaltyStrategy.Safe);

        var best = Enumerable.Range(0, 1 << qubo.Model.VariableCount)
            .Select(s => State(s, qubo.Model.VariableCount))
            .MinBy(state => qubo.Model.Energy(state))!;

        Assert.Equal([1, 0, 0], best[..3]);
        Assert.Empty(qubo.Check(best));
        Assert.Equal(13, qubo.PenaltyWeight);
    }

    private static void AssertPenaltyExact(ConstrainedQubo qubo)
    {
        var n = qubo.DecisionVariableCount;
        var slack = qubo.SlackVariableCount;
        for (var s = 0; s < 1 << n; s++)
        {
            var best = double.PositiveInfinity;
            for (var z = 0; z < 1 << slack; z++)
            {
                var state = State(s | (z << n), n + slack);
                best = Math.Min(best, qubo.Model.Energy(state) - qubo.ObjectiveValue(state));
            }

            var feasible = qubo.Check(State(s, n + slack)).Count == 0;
            if (feasible)
            {
                EnergyAssert.Close(0, best);
            }
            else
            {
                Assert.True(best >= qubo.PenaltyWeight - 1e-9, $"infeasible state {s} has penalty {best}");
            }
        }
    }

    private static bool Violated(int[] coefs, ConstraintSense sense, int rhs, int s)
    {
        var lhs = 0;
        for (var i = 0; i < coefs.Length; i++)
        {
            lhs += ((s >> i) & 1) * coefs[i];
        }

        return sense switch
        {
            ConstraintSense.Equal => lhs != rhs,
            ConstraintSense.LessOrEqual => lhs > rhs,
            _ => lhs < rhs,
        };
    }

    private static sbyte[] State(int bits, int n)
    {
        var state = new sbyte[n];
        for (var i = 0; i < n; i++)
        {
            state[i] = (sbyte)((bits >> i) & 1);
        }

        return state;
    }
}
