using System.Numerics;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Exact;

/// <summary>
/// Exact minimisation by enumerating all 2^n states in Gray-code order: consecutive states differ in
/// one variable, so each step is one O(degree) flip with incremental local fields. For tests and small
/// models (n &lt;= <see cref="MaxVariables"/>). Honours cancellation and the time limit (a run stopped by
/// the limit returns the best state seen and reports <see cref="SamplerStatistics.TimedOut"/>).
/// </summary>
public sealed class ExhaustiveSolver : ISampler
{
    /// <summary>The largest model this solver accepts.</summary>
    public const int MaxVariables = 24;

    /// <inheritdoc />
    public string Name => "exhaustive";

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The model has more than <see cref="MaxVariables"/> variables.</exception>
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var n = model.VariableCount;
        if (n > MaxVariables)
        {
            throw new ArgumentOutOfRangeException(nameof(model), n, $"exhaustive search takes at most {MaxVariables} variables");
        }

        var context = new ReadContext(options, 1, cancellationToken);
        var system = new SpinSystem(model.ToIsing());
        system.Load(Filled(n, -1));
        var bestEnergy = system.Energy;
        long bestCode = 0;
        var total = 1L << n;
        var epsilon = 1e-12 * Math.Max(1.0, Math.Abs(bestEnergy));
        long step;
        for (step = 1; step < total; step++)
        {
            system.Flip(BitOperations.TrailingZeroCount(step));
            if (system.Energy < bestEnergy - epsilon)
            {
                bestEnergy = system.Energy;
                bestCode = step ^ (step >> 1);
            }

            if ((step & 0xFFFF) == 0 && context.ShouldStop())
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var spins = new sbyte[n];
        for (var i = 0; i < n; i++)
        {
            spins[i] = ((bestCode >> i) & 1) == 1 ? (sbyte)1 : (sbyte)-1;
        }

        var state = BinaryQuadraticModel.ConvertState(spins, Vartype.Spin, model.Vartype);
        var energy = model.Energy(state);
        context.Offer(energy);
        var statistics = new SamplerStatistics(Name, context.Elapsed, context.TimeToBest, 1, step * (long)Math.Max(1, n), context.TargetReached, step < total);
        return new SampleSet(model.Vartype, [new Sample(state, energy)], statistics);
    }

    private static sbyte[] Filled(int n, sbyte value)
    {
        var a = new sbyte[n];
        Array.Fill(a, value);
        return a;
    }
}
