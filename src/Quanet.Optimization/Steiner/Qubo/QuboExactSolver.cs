using Google.OrTools.Sat;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Steiner.Qubo;

/// <summary>
/// Ground states of small binary QUBOs: exhaustive enumeration up to 24 variables, CP-SAT beyond (each
/// product linearised by a Boolean AND). Biases must be integers (Steiner QUBOs with integer weights are).
/// </summary>
public static class QuboExactSolver
{
    /// <summary>Largest variable count solved by enumeration.</summary>
    public const int ExhaustiveLimit = 24;

    /// <summary>Returns a minimum-energy binary state of <paramref name="model"/>.</summary>
    /// <exception cref="QuanetException">CP-SAT finds no solution within <paramref name="timeLimit"/>.</exception>
    public static sbyte[] Solve(BinaryQuadraticModel model, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Vartype != Vartype.Binary)
        {
            model = model.ToQubo();
        }

        return model.VariableCount <= ExhaustiveLimit ? Enumerate(model) : CpSat(model, timeLimit);
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

    private static sbyte[] CpSat(BinaryQuadraticModel model, TimeSpan timeLimit)
    {
        var cp = new CpModel();
        var n = model.VariableCount;
        var x = new BoolVar[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = cp.NewBoolVar("x" + i);
        }

        var terms = new List<LinearExpr>();
        var linear = model.Linear;
        for (var i = 0; i < n; i++)
        {
            if (linear[i] != 0)
            {
                terms.Add(x[i] * checked((long)Math.Round(linear[i])));
            }
        }

        foreach (var (i, j, w) in model.Interactions())
        {
            var z = cp.NewBoolVar($"z{i}_{j}");
            cp.AddBoolAnd([x[i], x[j]]).OnlyEnforceIf(z);
            cp.AddBoolOr([x[i].Not(), x[j].Not(), z]);
            terms.Add(z * checked((long)Math.Round(w)));
        }

        cp.Minimize(LinearExpr.Sum(terms));
        var solver = new CpSolver { StringParameters = $"max_time_in_seconds:{timeLimit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} num_workers:2 random_seed:1" };
        var status = solver.Solve(cp);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            throw new QuanetException($"CP-SAT found no QUBO solution ({status}) within {timeLimit.TotalSeconds:0.#} s");
        }

        var result = new sbyte[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = (sbyte)(solver.BooleanValue(x[i]) ? 1 : 0);
        }

        return result;
    }
}
