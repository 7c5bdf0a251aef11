using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Hybrid;

/// <summary>The loop of one run.</summary>
public sealed partial class HybridSolver
{
    private sealed class Run(HybridModel model, HybridOptions options, HybridHooks hooks, HybridState state, bool feasible)
    {
        private readonly Selection _selection = new(model, hooks, options.Seed);
        private readonly sbyte[] _trial = new sbyte[model.VariableCount];
        private readonly List<int> _changed = [];
        private readonly double[] _history = InitialHistory(options.AcceptanceHistory, state.Energy);
        private bool _feasible = feasible;
        private int _round;
        private int _bestRound;

        public sbyte[] Best { get; private set; } = (sbyte[])state.X.Clone();

        public bool BestFeasible { get; private set; } = feasible;

        private double BestEnergy { get; set; } = state.Energy;

        public HybridStatistics Loop(long started, CancellationToken cancellationToken)
        {
            var clock = options.TimeProvider;
            var stats = new Counters();
            var timedOut = false;
            for (var round = 0; options.Subproblems is not { } budget || round < budget; round++)
            {
                if (cancellationToken.IsCancellationRequested || (options.TimeLimit is { } limit && clock.GetElapsedTime(started) >= limit))
                {
                    timedOut = true;
                    break;
                }

                if (model.VariableCount == 0)
                {
                    break;
                }

                var t0 = clock.GetTimestamp();
                var sub = _selection.Next(state, round, options.SubSize, options.Encoding);
                var t1 = clock.GetTimestamp();
                var samplerOptions = new SamplerOptions
                {
                    Seed = unchecked((int)Xoshiro256.ReadSeed(options.Seed, round + 1)),
                    Reads = options.SubReads,
                    MaxDegreeOfParallelism = options.Threads,
                    TimeProvider = clock,
                    // a slow sub-solver (QAOA on 20 qubits) must not run past the loop's own limit
                    Cutoff = options.TimeLimit is { } total ? Max(total - clock.GetElapsedTime(started), TimeSpan.Zero) : null,
                    InitialState = sub.Current,
                };
                var answer = options.SubSolver.Sample(sub.Model, samplerOptions, cancellationToken).Best.State;
                stats.SubSeconds += clock.GetElapsedTime(t1).TotalSeconds;
                stats.BuildSeconds += clock.GetElapsedTime(t0, t1).TotalSeconds;
                stats.Subproblems++;
                stats.SubSize += sub.Model.VariableCount;
                stats.SubDecisions += sub.Variables.Length;
                stats.SelectorSubproblems[_selection.Last]++;
                _round = round;
                Consider(sub, answer, stats, _selection.Last);
                if (options.RestartAfter is { } patience && round - _bestRound >= patience && _feasible == BestFeasible)
                {
                    Restart();
                }
            }

            return new HybridStatistics
            {
                Subproblems = stats.Subproblems,
                Accepted = stats.Accepted,
                Improving = stats.Improving,
                SubproblemGain = stats.SubGainAtBest,
                Worsening = stats.Worsening,
                Repairs = stats.Repairs,
                RepairedAccepted = stats.RepairedAccepted,
                RepairGain = stats.RepairGainAtBest,
                MeanSubSize = stats.Subproblems == 0 ? 0 : (double)stats.SubSize / stats.Subproblems,
                MeanSubDecisions = stats.Subproblems == 0 ? 0 : (double)stats.SubDecisions / stats.Subproblems,
                SubSolverSeconds = stats.SubSeconds,
                BuildSeconds = stats.BuildSeconds,
                TimedOut = timedOut,
                Encoding = options.Encoding,
                Selectors = [.. Selection.Names.Select((name, s) => new HybridSelectorStatistics(name, stats.SelectorSubproblems[s], stats.SelectorImproving[s], stats.SelectorGain[s]))],
            };
        }

        private void Consider(Subproblem sub, ReadOnlySpan<sbyte> answer, Counters stats, int selector)
        {
            var before = state.Energy;
            _changed.Clear();
            foreach (var r in sub.Ruined)
            {
                _changed.Add(r);
                model.Flip(state, r);
            }

            for (var a = 0; a < sub.Variables.Length; a++)
            {
                var v = sub.Variables[a];
                if (state.X[v] != answer[a])
                {
                    _changed.Add(v);
                    model.Flip(state, v);
                }
            }

            if (_changed.Count == 0)
            {
                return;
            }

            var repaired = false;
            var ok = FeasibleNow();
            if (!ok && hooks.Repair is { } repair)
            {
                stats.Repairs++;
                state.X.CopyTo(_trial, 0);
                repair(_trial);
                for (var v = 0; v < _trial.Length; v++)
                {
                    if (_trial[v] != state.X[v])
                    {
                        _changed.Add(v);
                        model.Flip(state, v);
                    }
                }

                repaired = true;
                ok = FeasibleNow();
            }

            var after = state.Energy;
            // late acceptance (Burke and Bykov 2017): a feasible answer is also taken when it is no worse than the
            // incumbent was AcceptanceHistory rounds ago, so the walk can leave a local optimum; Best keeps the best
            var slot = _history.Length == 0 ? -1 : _round % _history.Length;
            var late = slot >= 0 && ok && _feasible && after <= _history[slot] + Tolerance;
            if ((ok || !_feasible) && (after <= before + Tolerance || late))
            {
                _feasible = ok;
                stats.Accepted++;
                if (after < before - Tolerance)
                {
                    stats.Improving++;
                }
                else if (after > before + Tolerance)
                {
                    stats.Worsening++;
                }

                if (repaired)
                {
                    stats.RepairedAccepted++;
                    stats.RepairGain += before - after;
                }
                else
                {
                    stats.SubGain += before - after;
                    if (after < before - Tolerance)
                    {
                        stats.SelectorImproving[selector]++;
                        stats.SelectorGain[selector] += before - after;
                    }
                }

                if ((ok && !BestFeasible) || (ok == BestFeasible && after < BestEnergy - Tolerance))
                {
                    Best = (sbyte[])state.X.Clone();
                    BestEnergy = after;
                    _bestRound = _round;
                    BestFeasible = ok;
                    stats.SubGainAtBest = stats.SubGain;
                    stats.RepairGainAtBest = stats.RepairGain;
                }

                Remember(slot);
                return;
            }

            // rejected: undo in reverse (a variable may have flipped twice)
            for (var k = _changed.Count - 1; k >= 0; k--)
            {
                model.Flip(state, _changed[k]);
            }

            Remember(slot);
        }

        // back to the best state when the walk found nothing better for RestartAfter rounds; the history forgets the walk
        private void Restart()
        {
            for (var v = 0; v < Best.Length; v++)
            {
                if (state.X[v] != Best[v])
                {
                    model.Flip(state, v);
                }
            }

            _feasible = BestFeasible;
            Array.Fill(_history, state.Energy);
            _bestRound = _round;
        }

        // the model's constraints from the incrementally kept count, then the problem's own check
        private bool FeasibleNow() => state.Violated == 0 && (hooks.IsFeasible is not { } check || check(state.X));

        private void Remember(int slot)
        {
            if (slot >= 0 && _feasible)
            {
                _history[slot] = state.Energy;
            }
        }

        private static double[] InitialHistory(int length, double energy)
        {
            var history = new double[length];
            Array.Fill(history, energy);
            return history;
        }
    }

    private sealed class Counters
    {
        public int Subproblems { get; set; }

        public int Accepted { get; set; }

        public int Improving { get; set; }

        public double SubGain { get; set; }

        public int Repairs { get; set; }

        public int RepairedAccepted { get; set; }

        public double RepairGain { get; set; }

        public int Worsening { get; set; }

        public double SubGainAtBest { get; set; }

        public double RepairGainAtBest { get; set; }

        public long SubSize { get; set; }

        public long SubDecisions { get; set; }

        public double SubSeconds { get; set; }

        public double BuildSeconds { get; set; }

        public int[] SelectorSubproblems { get; } = new int[Selection.Names.Length];

        public int[] SelectorImproving { get; } = new int[Selection.Names.Length];

        public double[] SelectorGain { get; } = new double[Selection.Names.Length];
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
