using Quanet.Optimization.Hybrid;
using static Quanet.Optimization.Tests.Hybrid.HybridTestModels;

namespace Quanet.Optimization.Tests.Hybrid;

public sealed class HybridModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Energy_is_the_penalised_model_minimised_over_its_slack_bits(int seed)
    {
        var qubo = Random(8, seed);
        var model = ToHybrid(qubo);

        for (long mask = 0; mask < 1 << 8; mask++)
        {
            var x = Bits(mask, 8);
            Assert.Equal(MinOverSlack(qubo.Model, x), model.Energy(x), 9);
            Assert.Equal(qubo.Check(x).Count == 0, model.IsFeasible(x));
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    public void Subproblem_energy_plus_offset_equals_the_full_energy_for_every_sub_state(int seed)
    {
        var rng = new Random(seed);
        var qubo = Random(10, seed);
        var model = ToHybrid(qubo);
        var state = Bits(rng.Next(1 << 10), 10);
        int[] free = [.. Enumerable.Range(0, 10).OrderBy(_ => rng.Next()).Take(5)];

        var sub = model.BuildSubproblem(state, free);

        Assert.Equal(free, sub.Variables);
        for (long mask = 0; mask < 1 << free.Length; mask++)
        {
            var subState = Bits(mask, free.Length);
            var full = (sbyte[])state.Clone();
            for (var a = 0; a < free.Length; a++)
            {
                full[free[a]] = subState[a];
            }

            Assert.Equal(model.Energy(full), MinOverSlack(sub.Model, subState) + sub.Offset, 9);
        }
    }

    [Fact]
    public void Clamping_a_plain_qubo_is_exact_on_every_sub_state()
    {
        var qubo = Random(9, 7).Model;
        var model = HybridModel.FromBqm(qubo);
        var rng = new Random(7);
        var state = Bits(rng.Next(1 << qubo.VariableCount), qubo.VariableCount);
        int[] free = [0, 3, 4, 8, 12];

        var sub = model.BuildSubproblem(state, free);

        Assert.Equal(free.Length, sub.Model.VariableCount);
        for (long mask = 0; mask < 1 << free.Length; mask++)
        {
            var full = (sbyte[])state.Clone();
            var subState = Bits(mask, free.Length);
            for (var a = 0; a < free.Length; a++)
            {
                full[free[a]] = subState[a];
            }

            Assert.Equal(qubo.Energy(full), sub.Model.Energy(subState) + sub.Offset, 9);
        }
    }
}
