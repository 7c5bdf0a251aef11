namespace Quanet.Optimization.Sampling;

/// <summary>
/// One read of the tabu sampler: Breakout Local Search (Benlic and Hao 2013, "Breakout local search for
/// the max-cut problem", Eng. Appl. Artif. Intell. 26) on a general Ising model. Steepest-descent
/// one-flip moves reach a local optimum; a perturbation of L moves then leaves it. The perturbation is
/// directed (one-flip tabu search: best non-tabu move, tenure drawn from [3, n/10], aspiration when a
/// move beats the best energy) with probability max(exp(-w/T), P0), else recency-based (least recently
/// moved variable) or random with equal odds, where w counts local optima since the last improvement.
/// L returns to L0 = n/100 after reaching a new local optimum, grows by one when the search falls back
/// into the previous one, and jumps to Lmax = n/10 after T = 1000 optima without improvement.
/// Fields are kept incrementally (O(degree) per flip) and nothing is allocated per move.
/// </summary>
internal sealed class BreakoutLocalSearch
{
    private const int StagnationLimit = 1000;
    private const double MinDirectedProbability = 0.8;
    private const double RecencyShare = 0.5;

    private readonly SpinSystem _system;
    private readonly long[] _tabuUntil;
    private readonly long[] _lastMoved;
    private readonly ulong[] _zobrist;
    private readonly sbyte[] _best;
    private readonly double _epsilon;
    private readonly int _minJumps;
    private readonly int _maxJumps;
    private readonly int _maxTenure;
    private Xoshiro256 _rng;
    private ulong _hash;
    private long _moves;
    private long _perturbations;
    private long _attempts;
    private double _bestEnergy = double.PositiveInfinity;

    public BreakoutLocalSearch(SpinSystem system, ulong seed)
    {
        _system = system;
        var n = system.Count;
        _tabuUntil = new long[n];
        _lastMoved = new long[n];
        _zobrist = new ulong[n];
        _best = new sbyte[n];
        _rng = new Xoshiro256(seed);
        for (var i = 0; i < n; i++)
        {
            _zobrist[i] = _rng.NextUInt64();
        }

        var scale = 0.0;
        foreach (var w in system.NeighborWeights)
        {
            scale = Math.Max(scale, Math.Abs(w));
        }

        _epsilon = 1e-9 * Math.Max(1.0, scale);
        _minJumps = Math.Max(1, n / 100);
        _maxJumps = Math.Max(_minJumps + 1, n / 10);
        _maxTenure = Math.Max(4, n / 10);
    }

    public sbyte[] Best => _best;

    public double BestEnergy => _bestEnergy;

    /// <summary>Moves evaluated (every candidate scanned counts as one attempt).</summary>
    public long Attempts => _attempts;

    /// <summary>
    /// Runs until <paramref name="moveLimit"/> more moves are made or the context says stop, from a random
    /// state (or <paramref name="start"/>, spins), or first annealed with Metropolis sweeps at <paramref name="annealBetas"/> when given.
    /// </summary>
    public void Run(long moveLimit, ReadContext context, ReadOnlySpan<double> annealBetas = default, sbyte[]? start = null)
    {
        var end = moveLimit >= long.MaxValue - _moves ? long.MaxValue : _moves + moveLimit;
        if (start is null)
        {
            _system.Randomize(ref _rng);
        }
        else
        {
            _system.Load(start);
        }

        foreach (var beta in annealBetas)
        {
            _system.Sweep(beta, ref _rng);
            _attempts += _system.Count;
        }

        _system.Recompute();
        _hash = 0;
        for (var i = 0; i < _system.Count; i++)
        {
            if (_system.Spins[i] > 0)
            {
                _hash ^= _zobrist[i];
            }
        }

        Descend();
        Improve(context);
        var jumps = _minJumps;
        var sinceImprovement = 0;
        var previousHash = _hash;
        while (_moves < end && !context.ShouldStop())
        {
            Perturb(jumps, sinceImprovement);
            Descend();
            if (_system.Energy < _bestEnergy - _epsilon)
            {
                Improve(context);
                sinceImprovement = 0;
            }
            else
            {
                sinceImprovement++;
            }

            if (sinceImprovement > StagnationLimit)
            {
                jumps = _maxJumps;
                sinceImprovement = 0;
            }
            else if (_hash == previousHash)
            {
                jumps = Math.Min(jumps + 1, _maxJumps);
            }
            else
            {
                jumps = _minJumps;
            }

            previousHash = _hash;
        }
    }

    private void Improve(ReadContext context)
    {
        // clear accumulated floating-point drift before trusting the energy as a record
        _system.Recompute();
        if (_system.Energy < _bestEnergy)
        {
            _bestEnergy = _system.Energy;
            _system.Spins.CopyTo(_best, 0);
            context.Offer(_bestEnergy);
        }
    }

    private void Descend()
    {
        var s = _system.Spins;
        var f = _system.Fields;
        var n = s.Length;
        while (true)
        {
            var start = _rng.NextInt(n);
            var bestMove = -1;
            var bestDelta = -_epsilon;
            for (var i = start; i < n; i++)
            {
                var delta = -2.0 * s[i] * f[i];
                if (delta < bestDelta)
                {
                    bestDelta = delta;
                    bestMove = i;
                }
            }

            for (var i = 0; i < start; i++)
            {
                var delta = -2.0 * s[i] * f[i];
                if (delta < bestDelta)
                {
                    bestDelta = delta;
                    bestMove = i;
                }
            }

            _attempts += n;
            if (bestMove < 0)
            {
                return;
            }

            Move(bestMove);
        }
    }

    private void Perturb(int jumps, int sinceImprovement)
    {
        var directed = Math.Max(Math.Exp(-(double)sinceImprovement / StagnationLimit), MinDirectedProbability);
        var r = _rng.NextDouble();
        if (r < directed)
        {
            for (var k = 0; k < jumps; k++)
            {
                TabuMove();
            }
        }
        else if (r < directed + ((1.0 - directed) * RecencyShare))
        {
            for (var k = 0; k < jumps; k++)
            {
                Move(LeastRecentlyMoved());
            }
        }
        else
        {
            for (var k = 0; k < jumps; k++)
            {
                Move(_rng.NextInt(_system.Count));
            }
        }
    }

    private void TabuMove()
    {
        var s = _system.Spins;
        var f = _system.Fields;
        var n = s.Length;
        var aspiration = _bestEnergy - _system.Energy - _epsilon;
        var start = _rng.NextInt(n);
        var bestMove = -1;
        var bestDelta = double.PositiveInfinity;
        for (var step = 0; step < n; step++)
        {
            var i = start + step;
            if (i >= n)
            {
                i -= n;
            }

            var delta = -2.0 * s[i] * f[i];
            if (delta < bestDelta && (_tabuUntil[i] <= _perturbations || delta < aspiration))
            {
                bestDelta = delta;
                bestMove = i;
            }
        }

        _attempts += n;
        if (bestMove < 0)
        {
            bestMove = _rng.NextInt(n);
        }

        _tabuUntil[bestMove] = _perturbations + 3 + _rng.NextInt(_maxTenure - 2);
        _perturbations++;
        Move(bestMove);
    }

    private int LeastRecentlyMoved()
    {
        var n = _system.Count;
        var start = _rng.NextInt(n);
        var oldest = start;
        for (var step = 1; step < n; step++)
        {
            var i = start + step;
            if (i >= n)
            {
                i -= n;
            }

            if (_lastMoved[i] < _lastMoved[oldest])
            {
                oldest = i;
            }
        }

        return oldest;
    }

    private void Move(int i)
    {
        _system.Flip(i);
        _hash ^= _zobrist[i];
        _lastMoved[i] = ++_moves;
    }
}
