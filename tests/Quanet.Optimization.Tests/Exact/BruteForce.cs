using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Tests.Exact;

/// <summary>The reference minimum: every state evaluated with <see cref="BinaryQuadraticModel.Energy"/>.</summary>
internal static class BruteForce
{
    public static double Minimum(BinaryQuadraticModel model)
    {
        var n = model.VariableCount;
        var state = new sbyte[n];
        var best = double.PositiveInfinity;
        for (long code = 0; code < 1L << n; code++)
        {
            for (var i = 0; i < n; i++)
            {
                var bit = (code >> i) & 1;
                state[i] = model.Vartype == Vartype.Binary ? (sbyte)bit : (sbyte)((2 * bit) - 1);
            }

            best = Math.Min(best, model.Energy(state));
        }

        return best;
    }
}
