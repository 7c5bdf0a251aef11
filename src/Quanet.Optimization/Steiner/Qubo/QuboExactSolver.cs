using Google.OrTools.LinearSolver;
using Quanet.Core;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Steiner.Qubo;

/// <summary>
/// Ground states of small binary QUBOs: exhaustive enumeration up to 24 variables, beyond that SCIP on the
/// standard exact linearisation of each product (CP-SAT with Boolean ANDs stalled on 34-variable Steiner
/// QUBOs on this machine; SCIP proves them in milliseconds).
/// </summary>
public static class QuboExactSolver
{
    /// <summary>Largest variable count solved by enumeration.</summary>
    public const int ExhaustiveLimit = 24;

    /// <summary>Returns a minimum-energy binary state of <paramref name="model"/>.</summary>
    /// <exception cref="QuanetException">The MIP finds no solution within <paramref name="timeLimit"/>.</exception>
    public static sbyte[] Solve(BinaryQuadraticModel model, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Vartype != Vartype.Binary)
        {
            model = model.ToQubo();
        }

        return model.VariableCount <= ExhaustiveLimit ? Enumerate(model) : Mip(model, timeLimit);
    }

    private static sbyte[] Enumerate(BinaryQuadraticModel model)
    {
        var n = model.VariableCount;
        var state = new sbyte[n];
        var best = new sbyte[n];
        var bestEnergy = double.PositiveInfinity;
        for (long mask = 0; mask < 1L << n; mask++)
        {
            for (var i = 0; i < n; i++)
            {
                state[i] = (sbyte)((mask >> i) & 1);
            }

            var energy = model.Energy(state);
            if (energy < bestEnergy)
            {
                bestEnergy = energy;
                state.CopyTo(best, 0);
            }
        }

        return best;
    }

    private static sbyte[] Mip(BinaryQuadraticModel model, TimeSpan timeLimit)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new QuanetException("the SCIP MIP solver is not available");
        solver.SetNumThreads(1);
        var n = model.VariableCount;
        var x = new Variable[n];
        var objective = solver.Objective();
        objective.SetMinimization();
        var linear = model.Linear;
        for (var i = 0; i < n; i++)
        {
            x[i] = solver.MakeBoolVar("x" + i);
            objective.SetCoefficient(x[i], linear[i]);
        }

        // z = x_i AND x_j, linearised exactly for binaries: z <= x_i, z <= x_j, z >= x_i + x_j - 1.
        foreach (var (i, j, w) in model.Interactions())
        {
            var z = solver.MakeNumVar(0, 1, $"z{i}_{j}");
            objective.SetCoefficient(z, w);
            var a = solver.MakeConstraint(double.NegativeInfinity, 0);
            a.SetCoefficient(z, 1);
            a.SetCoefficient(x[i], -1);
            var b = solver.MakeConstraint(double.NegativeInfinity, 0);
            b.SetCoefficient(z, 1);
            b.SetCoefficient(x[j], -1);
            var c = solver.MakeConstraint(-1, double.PositiveInfinity);
            c.SetCoefficient(z, 1);
            c.SetCoefficient(x[i], -1);
            c.SetCoefficient(x[j], -1);
        }

        solver.SetTimeLimit((long)timeLimit.TotalMilliseconds);
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            throw new QuanetException($"the MIP found no QUBO solution ({status}) within {timeLimit.TotalSeconds:0.#} s");
        }

        var result = new sbyte[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = (sbyte)(x[i].SolutionValue() > 0.5 ? 1 : 0);
        }

        return result;
    }
}
