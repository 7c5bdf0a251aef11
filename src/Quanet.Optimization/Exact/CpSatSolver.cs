using System.Globalization;
using Google.OrTools.Sat;
using Quanet.Core;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Exact;

/// <summary>
/// Minimises a model exactly with OR-Tools CP-SAT on its linearised QUBO form: each interaction
/// x_i x_j becomes a Boolean y_ij with y_ij &lt;= x_i, y_ij &lt;= x_j, y_ij &gt;= x_i + x_j - 1. CP-SAT needs
/// integer coefficients: integer biases are used as they are; otherwise they are scaled so the largest
/// is 10^7 and rounded, and the possible energy error is reported as <see cref="CpSatResult.Tolerance"/>.
/// Returns a proven optimum, or the best state and lower bound when the time limit stops the search.
/// </summary>
public sealed class CpSatSolver : ISampler
{
    private const double ScaledMagnitude = 1e7;

    /// <inheritdoc />
    public string Name => "cpsat";

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        var result = Solve(model, options, cancellationToken);
        return new SampleSet(model.Vartype, [result.Best], result.Statistics);
    }

    /// <summary>Solves <paramref name="model"/>; see the class remarks.</summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public CpSatResult Solve(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var qubo = model.ToQubo();
        var n = qubo.VariableCount;
        var (scale, tolerance) = Scaling(qubo);
        var cp = new CpModel();
        var x = new BoolVar[n];
        var objective = LinearExpr.NewBuilder();
        for (var i = 0; i < n; i++)
        {
            x[i] = cp.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"x{i}"));
            cp.AddHint(x[i], 0);
            objective.AddTerm(x[i], Scaled(qubo.Linear[i], scale));
        }

        foreach (var (i, j, w) in qubo.Interactions())
        {
            var y = cp.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"y{i}_{j}"));
            cp.Add(y <= x[i]);
            cp.Add(y <= x[j]);
            cp.Add(y >= x[i] + x[j] - 1);
            objective.AddTerm(y, Scaled(w, scale));
        }

        cp.Minimize(objective);

        var context = new ReadContext(options, 1, cancellationToken);
        var parameters = string.Create(CultureInfo.InvariantCulture, $"num_workers:{options.EffectiveParallelism} random_seed:{options.Seed} linearization_level:2");
        if (options.TimeLimit is { } limit)
        {
            parameters += string.Create(CultureInfo.InvariantCulture, $" max_time_in_seconds:{limit.TotalSeconds}");
        }

        var solver = new CpSolver { StringParameters = parameters };
        var callback = new ProgressCallback(context, options.TargetEnergy is { } target ? (target - qubo.Offset) * scale : null, scale, qubo.Offset);
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(cp, callback);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var bits = new sbyte[n];
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            for (var i = 0; i < n; i++)
            {
                bits[i] = solver.BooleanValue(x[i]) ? (sbyte)1 : (sbyte)0;
            }
        }
        else if (status is CpSolverStatus.ModelInvalid or CpSolverStatus.Infeasible)
        {
            throw new QuanetException($"CP-SAT rejected the linearised model ({status}): {solver.SolutionInfo()}");
        }

        var state = BinaryQuadraticModel.ConvertState(bits, Vartype.Binary, model.Vartype);
        var energy = model.Energy(state);
        context.Offer(energy);
        var bound = status == CpSolverStatus.Unknown
            ? double.NegativeInfinity
            : (solver.BestObjectiveBound / scale) + qubo.Offset - tolerance;
        var optimal = status == CpSolverStatus.Optimal;
        var statistics = new SamplerStatistics(Name, context.Elapsed, context.TimeToBest, 1, 0, context.TargetReached, !optimal && context.TimedOut);
        return new CpSatResult(new Sample(state, energy), Math.Min(bound, energy), optimal, scale, tolerance, statistics);
    }

    private static (double Scale, double Tolerance) Scaling(BinaryQuadraticModel qubo)
    {
        var integral = true;
        var max = 0.0;
        var terms = qubo.VariableCount + qubo.InteractionCount;
        foreach (var h in qubo.Linear)
        {
            integral &= Math.Abs(h - Math.Round(h)) == 0.0;
            max = Math.Max(max, Math.Abs(h));
        }

        foreach (var w in qubo.Weights)
        {
            integral &= Math.Abs(w - Math.Round(w)) == 0.0;
            max = Math.Max(max, Math.Abs(w));
        }

        if (integral && max * terms < 1e15)
        {
            return (1.0, 0.0);
        }

        var scale = ScaledMagnitude / max;
        // each rounded coefficient is off by at most 0.5 / scale and at most every term is active
        return (scale, 0.5 * terms / scale);
    }

    private static long Scaled(double bias, double scale) => (long)Math.Round(bias * scale);

    private sealed class ProgressCallback(ReadContext context, double? scaledTarget, double scale, double offset) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            var objective = ObjectiveValue();
            context.Offer((objective / scale) + offset);
            if (scaledTarget is { } t && objective <= t + 1e-9)
            {
                StopSearch();
            }
        }
    }
}
