using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>
/// The hybrid loop of set covering on column-only sub-QUBOs (<see cref="CoverSubQubo"/>): the incumbent is a cover;
/// each round frees a few chosen columns (selection facet), offers the unchosen columns that cover the rows they leave
/// uncovered, cheapest Lagrangian reduced cost first (the "core" columns of Caprara, Fischetti and Toth 1999), up to
/// the sub-size, and lets the sub-solver choose among them; every other round the move is forced (the freed columns are
/// not offered back). The answer is judged by its exact cost and feasibility: an answer leaving a row uncovered is
/// rejected, never repaired, and no column is dropped classically (a column an answer makes redundant stays until a
/// later subproblem frees it and the sub-solver leaves it out). Accepted answers pass late acceptance (Burke and Bykov
/// 2017, as in <see cref="HybridSolver"/>); the best cover is kept apart, and after <see cref="RestartAfter"/> rounds
/// without a new best the walk returns to it and takes the next <see cref="Kicks"/> feasible changed answers whatever
/// their cost (a perturbation, as in iterated local search), late acceptance restarting at the new level. Deterministic
/// for a seed and a work budget: the multipliers, the selection and every sub-solver call depend on the seed only.
/// </summary>
internal sealed partial class SetCoverHybridSearch
{
    private const double Tolerance = 1e-7;
    private const int Kicks = 2;
    private const int ForcedEvery = 2;

    /// <summary>Rounds without a new best cover after which the walk returns to it and is perturbed.</summary>
    public const int RestartAfter = 1000;
    private readonly CoverageInstance _instance;
    private readonly CoverageIndex _index;
    private readonly CoverSubQubo _qubo;
    private readonly ISampler _subSolver;
    private readonly int _subSize;
    private readonly Random _random;
    private readonly bool[] _active;
    private readonly int[] _count;
    private readonly bool[] _chosen;
    private double _cost;
    private int _kicks;

    public SetCoverHybridSearch(CoverageInstance instance, ISampler subSolver, int subSize, int seed)
    {
        _instance = instance;
        _index = CoverageIndex.Build(instance);
        _qubo = new CoverSubQubo(instance, _index);
        _subSolver = subSolver;
        _subSize = subSize;
        _random = new Random(seed);
        _active = new bool[instance.DemandCount];
        for (var i = 0; i < _active.Length; i++)
        {
            _active[i] = instance.DemandWeight[i] > 0;
        }

        _count = new int[instance.DemandCount];
        _chosen = new bool[instance.SiteCount];
        _columnStamp = new int[instance.SiteCount];
        _rowStamp = new int[instance.DemandCount];
    }

    /// <summary>The selector names, in the order of the statistics.</summary>
    public static readonly string[] Names = ["cover-neighbourhood", "cover-costliest"];

    /// <summary>Runs from the cover <paramref name="start"/> (chosen columns, fixed ones included) for a work budget or until the time limit.</summary>
    public (int[] Best, HybridStatistics Statistics) Run(IReadOnlyList<int> start, int? subproblems, TimeSpan? limit, HybridOptions settings, CancellationToken cancellationToken)
    {
        var clock = settings.TimeProvider;
        var started = clock.GetTimestamp();
        foreach (var j in start)
        {
            Flip(j);
        }

        _reduced = ReducedCosts(settings.Seed, clock, cancellationToken);
        var startEnergy = _cost;
        var history = new double[settings.AcceptanceHistory];
        Array.Fill(history, startEnergy);
        var best = (bool[])_chosen.Clone();
        var bestEnergy = startEnergy;
        var sinceBest = 0;
        var counters = new HybridSearchCounters(Names.Length);
        var free = new List<int>();
        var freed = new List<int>();
        var uncovered = new List<int>();
        var timedOut = false;
        for (var round = 0; subproblems is not { } budget || round < budget; round++)
        {
            if (cancellationToken.IsCancellationRequested || (limit is { } l && clock.GetElapsedTime(started) >= l))
            {
                timedOut = true;
                break;
            }

            var t0 = clock.GetTimestamp();
            var selector = round % Names.Length;
            if (!HasChosenFree())
            {
                break;
            }

            var exclude = Select(selector, freed, free, uncovered, round % ForcedEvery == ForcedEvery - 1);

            // the freed columns are off while the sub-QUBO is built and the answer is applied
            var before = _cost;
            foreach (var j in freed)
            {
                Flip(j);
            }

            var model = _qubo.Build([.. free], [.. uncovered], out _);
            var current = new sbyte[free.Count];
            var inFree = exclude ? 0 : freed.Count;
            for (var a = 0; a < inFree; a++)
            {
                current[a] = 1;
            }

            var remaining = limit is { } total ? total - clock.GetElapsedTime(started) : (TimeSpan?)null;
            var answer = counters.Sample(_subSolver, model, current, settings, round, selector, t0, remaining, cancellationToken);

            Apply(free, freed, answer, inFree, uncovered, history, round, before, selector, counters);
            if (_cost < bestEnergy - Tolerance)
            {
                bestEnergy = _cost;
                Array.Copy(_chosen, best, best.Length);
                counters.SubGainAtBest = counters.SubGain;
                sinceBest = 0;
            }
            else if (settings.RestartAfter is { } restart && ++sinceBest >= restart)
            {
                // back to the best cover with a fresh history: the gains on the path are the best's again
                for (var j = 0; j < best.Length; j++)
                {
                    if (best[j] != _chosen[j])
                    {
                        Flip(j);
                    }
                }

                Array.Fill(history, bestEnergy);
                _kicks = Kicks;
                counters.SubGain = counters.SubGainAtBest;
                sinceBest = 0;
            }
        }

        var chosen = new List<int>();
        for (var j = 0; j < best.Length; j++)
        {
            if (best[j])
            {
                chosen.Add(j);
            }
        }

        return ([.. chosen], counters.Statistics(startEnergy, timedOut, HybridEncoding.ColumnCover, Names));
    }

    // sets the answer's columns (the freed ones are off); keeps them when every row is covered and the exact cost
    // passes late acceptance (or a kick is due); restores the freed columns otherwise. Nothing is dropped here: a
    // column the answer made redundant stays until a later subproblem frees it.
    private void Apply(List<int> free, List<int> freed, ReadOnlySpan<sbyte> answer, int freedCount, List<int> uncovered, double[] history, int round, double before, int selector, HybridSearchCounters counters)
    {
        for (var a = 0; a < free.Count; a++)
        {
            if (answer[a] == 1)
            {
                Flip(free[a]);
            }
        }

        var covers = true;
        foreach (var i in uncovered)
        {
            covers &= _count[i] > 0;
        }

        var after = _cost;
        var slot = history.Length == 0 ? -1 : round % history.Length;
        var changed = !SameAsFreed(free, answer, freedCount);
        var kick = covers && changed && _kicks > 0;
        if (kick || (covers && changed && (after <= before + Tolerance || (slot >= 0 && after <= history[slot] + Tolerance))))
        {
            if (kick)
            {
                // a perturbation after a return to the best cover: late acceptance restarts at the new level
                _kicks--;
                Array.Fill(history, after);
            }

            counters.Accepted++;
            if (after < before - Tolerance)
            {
                counters.Improving++;
                counters.SelectorImproving[selector]++;
                counters.SelectorGain[selector] += before - after;
            }
            else if (after > before + Tolerance)
            {
                counters.Worsening++;
            }

            counters.SubGain += before - after;
        }
        else
        {
            for (var a = 0; a < free.Count; a++)
            {
                if ((answer[a] == 1) != (a < freedCount))
                {
                    Flip(free[a]);
                }
            }

            if (freedCount == 0)
            {
                foreach (var j in freed)
                {
                    Flip(j);
                }
            }
        }

        if (slot >= 0)
        {
            history[slot] = _cost;
        }
    }

    // the freed columns are the first of the free list: the answer changes nothing when it sets exactly them
    private static bool SameAsFreed(List<int> free, ReadOnlySpan<sbyte> answer, int freedCount)
    {
        for (var a = 0; a < free.Count; a++)
        {
            if (answer[a] != (a < freedCount ? 1 : 0))
            {
                return false;
            }
        }

        return true;
    }

    private void Flip(int j)
    {
        var adding = !_chosen[j];
        _chosen[j] = adding;
        _cost += adding ? _instance.SiteCost[j] : -_instance.SiteCost[j];
        foreach (var i in _instance.SiteCovers[j])
        {
            _count[i] += adding ? 1 : -1;
        }
    }
}
