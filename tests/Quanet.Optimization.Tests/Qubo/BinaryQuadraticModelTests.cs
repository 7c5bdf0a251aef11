using CsCheck;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Tests.Qubo;

public sealed class BinaryQuadraticModelTests
{
    [Fact]
    public void Energy_of_a_hand_made_qubo_matches_the_formula()
    {
        // E = 1 + 2 x0 - 3 x1 + 4 x0 x1 + 5 x1 x2
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(3);
        builder.AddOffset(1);
        builder.AddLinear(0, 2);
        builder.AddLinear(1, -3);
        builder.AddQuadratic(0, 1, 4);
        builder.AddQuadratic(2, 1, 5);
        var model = builder.Build();

        Assert.Equal(1 + 2 - 3 + 4 + 5, model.Energy([1, 1, 1]));
        Assert.Equal(1 - 3, model.Energy([0, 1, 0]));
        Assert.Equal(2, model.InteractionCount);
        Assert.Equal(4, model.Quadratic(1, 0));
    }

    [Fact]
    public void Diagonal_terms_fold_into_linear_for_binary_and_offset_for_spin()
    {
        var binary = new BqmBuilder(Vartype.Binary);
        binary.AddVariable("a");
        binary.AddQuadratic(0, 0, 3);
        var spin = new BqmBuilder(Vartype.Spin);
        spin.AddVariable("a");
        spin.AddQuadratic(0, 0, 3);

        Assert.Equal(3, binary.Build().Linear[0]);
        Assert.Equal(3, spin.Build().Offset);
    }

    [Fact]
    public void Qubo_and_ising_forms_give_equal_energies_on_every_state()
    {
        RandomModels.ModelAndState.Sample(t =>
        {
            var (model, state) = t;
            var other = model.ChangeVartype(model.Vartype == Vartype.Binary ? Vartype.Spin : Vartype.Binary);
            var converted = BinaryQuadraticModel.ConvertState(state, model.Vartype, other.Vartype);
            EnergyAssert.Close(model.Energy(state), other.Energy(converted));
            EnergyAssert.Close(model.Energy(state), other.ChangeVartype(model.Vartype).Energy(state));
        });
    }

    [Fact]
    public void Flip_delta_equals_the_energy_difference()
    {
        RandomModels.ModelAndState.Sample(t =>
        {
            var (model, state) = t;
            for (var i = 0; i < state.Length; i++)
            {
                var before = model.Energy(state);
                var delta = model.FlipDelta(state, i);
                state[i] = model.Vartype == Vartype.Binary ? (sbyte)(1 - state[i]) : (sbyte)-state[i];
                EnergyAssert.Close(before + delta, model.Energy(state));
            }
        });
    }

    [Fact]
    public void Labels_are_kept_and_found()
    {
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariable("tower-7");
        builder.AddVariable("tower-9");
        var model = builder.Build();

        Assert.Equal(1, model.IndexOf("tower-9"));
        Assert.Equal(-1, model.IndexOf("tower-1"));
        Assert.Equal("tower-7", model.Labels[0]);
    }

    [Fact]
    public void Energy_rejects_a_state_of_the_wrong_length()
    {
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(2);

        Assert.Throws<ArgumentException>(() => builder.Build().Energy([1]));
    }
}
