using CsCheck;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Tests.Qubo;

/// <summary>CsCheck generators of small random models and states.</summary>
internal static class RandomModels
{
    /// <summary>A random model with up to 12 variables, integer-ish biases, and a matching random state.</summary>
    public static readonly Gen<(BinaryQuadraticModel Model, sbyte[] State)> ModelAndState =
        from vartype in Gen.Enum<Vartype>()
        from n in Gen.Int[1, 12]
        from linear in Gen.Int[-5, 5].Array[n]
        from pairs in Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1], Gen.Int[-5, 5]).Array[0, 30]
        from offset in Gen.Int[-3, 3]
        from bits in Gen.Bool.Array[n]
        select (Build(vartype, linear, pairs, offset), State(vartype, bits));

    private static BinaryQuadraticModel Build(Vartype vartype, int[] linear, (int, int, int)[] pairs, int offset)
    {
        var builder = new BqmBuilder(vartype);
        builder.AddVariables(linear.Length);
        for (var i = 0; i < linear.Length; i++)
        {
            builder.AddLinear(i, linear[i]);
        }

        foreach (var (i, j, w) in pairs)
        {
            builder.AddQuadratic(i, j, w);
        }

        builder.AddOffset(offset);
        return builder.Build();
    }

    private static sbyte[] State(Vartype vartype, bool[] bits)
    {
        var state = new sbyte[bits.Length];
        for (var i = 0; i < bits.Length; i++)
        {
            state[i] = bits[i] ? (sbyte)1 : vartype == Vartype.Spin ? (sbyte)-1 : (sbyte)0;
        }

        return state;
    }
}
