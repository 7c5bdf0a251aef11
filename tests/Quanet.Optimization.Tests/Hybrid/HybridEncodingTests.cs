using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Qubo.Constraints;
using static Quanet.Optimization.Tests.Hybrid.HybridTestModels;

namespace Quanet.Optimization.Tests.Hybrid;

public sealed class HybridEncodingTests
{
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    [InlineData(25)]
    public void Slack_free_sub_energy_is_never_below_the_exact_energy_and_mixed_is_exact_on_feasible_states(int seed)
    {
        var rng = new Random(seed);
        var qubo = Random(10, seed);
        var model = ToHybrid(qubo);
        var state = Bits(rng.Next(1 << 10), 10);
        int[] free = [.. Enumerable.Range(0, 10).OrderBy(_ => rng.Next()).Take(6)];

        var slackFree = model.BuildSubproblem(state, free, HybridEncoding.SlackFree);
        var mixed = model.BuildSubproblem(state, free, HybridEncoding.Mixed);

        // slack-free: no slack bits at all, the whole sub-QUBO is decisions
        Assert.Equal(free.Length, slackFree.Model.VariableCount);
        var feasibleSeen = 0;
        for (long mask = 0; mask < 1 << free.Length; mask++)
        {
            var subState = Bits(mask, free.Length);
            var full = (sbyte[])state.Clone();
            for (var a = 0; a < free.Length; a++)
            {
                full[free[a]] = subState[a];
            }

            var exact = model.Energy(full);
            Assert.True(slackFree.Model.Energy(subState) + slackFree.Offset >= exact - 1e-9, $"state {mask}: slack-free below exact");
            var mixedEnergy = MinOverSlack(mixed.Model, subState) + mixed.Offset;
            Assert.True(mixedEnergy >= exact - 1e-9, $"state {mask}: mixed below exact");
            if (model.IsFeasible(full))
            {
                feasibleSeen++;
                Assert.Equal(exact, mixedEnergy, 9);
            }
        }

        Assert.True(feasibleSeen > 0 || !model.IsFeasible(state), "no feasible sub-state to compare");
    }

    [Fact]
    public void Set_cover_rows_with_one_or_two_free_columns_are_penalised_exactly_without_slack()
    {
        // rows: r0 {0,1,2}, r1 {1,3}, r2 {2,4}, r3 {0,4,5}; column costs 3, 2, 4, 1, 2, 5; column 0 clamped at 1 covers r0 and r3
        int[][] rows = [[0, 1, 2], [1, 3], [2, 4], [0, 4, 5]];
        double[] costs = [3, 2, 4, 1, 2, 5];
        var builder = new ConstrainedQuboBuilder();
        for (var j = 0; j < costs.Length; j++)
        {
            builder.Objective.AddVariable($"x{j}");
            builder.Objective.AddLinear(j, costs[j]);
        }

        for (var r = 0; r < rows.Length; r++)
        {
            builder.AddAtLeastK($"row{r}", rows[r], 1, 10.0);
        }

        var model = HybridModel.FromConstrained(builder.Build(penaltyWeight: 1.0));
        sbyte[] state = [1, 1, 0, 0, 1, 0];
        int[] free = [1, 2, 3, 4];

        var sub = model.BuildSubproblem(state, free, HybridEncoding.SlackFree);

        // r1 {1,3} and r2 {2,4} have two free columns each: w h (h - 1) is exact there; r0 and r3 hold whatever the free columns do
        Assert.Equal(free.Length, sub.Model.VariableCount);
        for (long mask = 0; mask < 1 << free.Length; mask++)
        {
            var subState = Bits(mask, free.Length);
            var full = (sbyte[])state.Clone();
            for (var a = 0; a < free.Length; a++)
            {
                full[free[a]] = subState[a];
            }

            var exact = model.Energy(full);
            var energy = sub.Model.Energy(subState) + sub.Offset;
            if (model.IsFeasible(full))
            {
                Assert.Equal(exact, energy, 9);
            }
            else
            {
                // a violated row costs 2 w (the unbalanced penalty at h = -1) where the exact energy charges w
                var violated = (full[1] + full[3] == 0 ? 1 : 0) + (full[2] + full[4] == 0 ? 1 : 0);
                Assert.Equal(exact + (10.0 * violated), energy, 9);
            }
        }
    }

    [Fact]
    public void A_residual_that_always_holds_drops_out_and_one_that_never_holds_is_a_square()
    {
        var builder = new ConstrainedQuboBuilder();
        for (var j = 0; j < 4; j++)
        {
            builder.Objective.AddVariable($"x{j}");
        }

        builder.AddAtLeastK("covered", [0, 1], 1, 5.0);
        builder.AddLessOrEqual("cap", [0, 2, 3], [2, 2, 2], 1, 3.0);
        var model = HybridModel.FromConstrained(builder.Build(penaltyWeight: 1.0));
        sbyte[] state = [1, 0, 0, 0];

        // x0 clamped at 1: "covered" always holds; "cap" over x2, x3 with 2 already used: 2 + 2 s <= 1 never holds
        var sub = model.BuildSubproblem(state, [2, 3], HybridEncoding.SlackFree);

        for (long mask = 0; mask < 4; mask++)
        {
            var s = Bits(mask, 2);
            sbyte[] full = [1, 0, s[0], s[1]];
            Assert.Equal(model.Energy(full), sub.Model.Energy(s) + sub.Offset, 9);
        }
    }
}
