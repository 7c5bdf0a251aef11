using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>
/// The hybrid loop of maximal covering on site-only sub-QUBOs (<see cref="SiteSubQubo"/>): the incumbent is a set of
/// sites; each round frees a few chosen sites (selection facet), adds the unchosen sites that would cover most of what
/// is then uncovered, up to the sub-size, and lets the sub-solver choose as many sites among them as were freed. The
/// answer is judged by the exact covered weight (late acceptance, Burke and Bykov 2017, as in <see cref="HybridSolver"/>);
/// the best selection is kept apart. Energies in <see cref="HybridStatistics"/> are minus the covered weight.
/// Deterministic for a seed and a work budget: the selection and every sub-solver call are seeded from it.
/// </summary>
internal sealed partial class SiteHybridSearch
{
    private const double Tolerance = 1e-7;
    private readonly CoverageInstance _instance;
    private readonly CoverageState _state;
    private readonly SiteSubQubo _qubo;
    private readonly ISampler _subSolver;
    private readonly int _subSize;
    private readonly int _maxSites;
    private readonly Random _random;

    public SiteHybridSearch(CoverageInstance instance, ISampler subSolver, int subSize, int maxSites, int seed)
    {
        _instance = instance;
        var index = CoverageIndex.Build(instance);
        _state = new CoverageState(instance, index);
        _qubo = new SiteSubQubo(instance, index);
        _subSolver = subSolver;
        _subSize = subSize;
        _maxSites = maxSites;
        _random = new Random(seed);
        _index = index;
        _adjacency = new int[instance.SiteCount][];
        _siteStamp = new int[instance.SiteCount];
    }

    /// <summary>The selector names, in the order of the statistics.</summary>
    public static readonly string[] Names = ["site-neighbourhood", "site-weakest"];

    /// <summary>Runs from <paramref name="start"/> (chosen sites, fixed ones included) for a work budget or until the time limit.</summary>
    public (int[] Best, HybridStatistics Statistics) Run(IReadOnlyList<int> start, int? subproblems, TimeSpan? limit, HybridOptions settings, CancellationToken cancellationToken)
    {
        var clock = settings.TimeProvider;
        var started = clock.GetTimestamp();
        foreach (var j in start)
        {
            _state.Flip(j);
        }

        var startEnergy = -_state.Covered;
        var history = new double[settings.AcceptanceHistory];
        Array.Fill(history, startEnergy);
        var best = Chosen();
        var bestEnergy = startEnergy;
        var counters = new HybridSearchCounters(Names.Length);
        var free = new List<int>();
        var freed = new List<int>();
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
            if (!Select(selector, freed, free))
            {
                break;
            }

            // the freed sites are off while the sub-QUBO is built and the answer is applied
            var before = -_state.Covered;
            foreach (var j in freed)
            {
                _state.Flip(j);
            }

            var model = _qubo.Build(_state, [.. free], freed.Count, out _);
            var current = new sbyte[free.Count];
            for (var a = 0; a < freed.Count; a++)
            {
                current[a] = 1;
            }

            var remaining = limit is { } total ? total - clock.GetElapsedTime(started) : (TimeSpan?)null;
            var answer = counters.Sample(_subSolver, model, current, settings, round, selector, t0, remaining, cancellationToken);

            var energy = Apply(free, answer, freed.Count, history, round, before, selector, counters);
            if (energy < bestEnergy - Tolerance)
            {
                bestEnergy = energy;
                best = Chosen();
                counters.SubGainAtBest = counters.SubGain;
            }
        }

        return (best, counters.Statistics(startEnergy, timedOut, HybridEncoding.SiteCoverage, Names));
    }

    // sets the answer's sites, keeps them when the exact energy passes late acceptance and the site limit holds,
    // restores the freed sites otherwise; returns the incumbent's energy afterwards
    private double Apply(List<int> free, ReadOnlySpan<sbyte> answer, int freedCount, double[] history, int round, double before, int selector, HybridSearchCounters counters)
    {
        var chosen = 0;
        for (var a = 0; a < free.Count; a++)
        {
            chosen += answer[a];
        }

        var fits = _state.ChosenCount + chosen <= _maxSites;
        if (fits)
        {
            for (var a = 0; a < free.Count; a++)
            {
                if (answer[a] == 1)
                {
                    _state.Flip(free[a]);
                }
            }
        }

        var after = -_state.Covered;
        var slot = history.Length == 0 ? -1 : round % history.Length;
        var changed = !SameAsFreed(free, answer, freedCount);
        if (fits && changed && (after <= before + Tolerance || (slot >= 0 && after <= history[slot] + Tolerance)))
        {
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
            if (fits)
            {
                for (var a = 0; a < free.Count; a++)
                {
                    if (answer[a] == 1)
                    {
                        _state.Flip(free[a]);
                    }
                }
            }

            for (var a = 0; a < freedCount; a++)
            {
                _state.Flip(free[a]);
            }
        }

        if (slot >= 0)
        {
            history[slot] = -_state.Covered;
        }

        return -_state.Covered;
    }

    // the freed sites are the first of the free list: the answer changes nothing when it sets exactly them
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

    private int[] Chosen()
    {
        var sites = new List<int>();
        for (var j = 0; j < _instance.SiteCount; j++)
        {
            if (_state.IsChosen(j))
            {
                sites.Add(j);
            }
        }

        return [.. sites];
    }
}
