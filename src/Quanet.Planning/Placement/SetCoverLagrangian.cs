namespace Quanet.Planning.Placement;

/// <summary>
/// Lagrangian relaxation of the unicost-or-weighted set covering problem min c.x s.t. every row
/// (positive-weight demand point) covered, after Beasley (1990, "A Lagrangian heuristic for set-covering
/// problems", Naval Research Logistics 37) and Caprara, Fischetti and Toth (1999, "A heuristic method for
/// the set covering problem", Operations Research 47). Relaxing the cover constraints with multipliers
/// u &gt;= 0 gives L(u) = sum u_i + sum_j min(0, c_j - sum_{i in j} u_i), a valid lower bound maximised by
/// subgradient steps; every iteration also runs the CFT greedy on the Lagrangian scores and removes
/// redundant columns, which yields the upper bounds. Fixed sites are taken up front; forbidden ones are never used.
/// </summary>
internal sealed class SetCoverLagrangian
{
    private readonly CoverageInstance _instance;
    private readonly CoverageIndex _index;
    private readonly bool[] _rowActive;
    private readonly bool[] _colActive;
    private readonly double _fixedCost;
    private readonly double[] _u;
    private readonly double[] _reduced;
    private readonly int[] _coverCount;
    private readonly double[] _gamma;
    private readonly int[] _mu;
    private readonly bool[] _inSolution;
    private readonly bool _integralCosts;

    /// <summary>Prepares the relaxation; the instance must be a pure cover (every positive-weight demand coverable).</summary>
    public SetCoverLagrangian(CoverageInstance instance, CoverageIndex index)
    {
        _instance = instance;
        _index = index;
        var m = instance.DemandCount;
        var n = instance.SiteCount;
        _rowActive = new bool[m];
        _colActive = new bool[n];
        _u = new double[m];
        _reduced = new double[n];
        _coverCount = new int[m];
        _gamma = new double[n];
        _mu = new int[n];
        _inSolution = new bool[n];
        BestMultipliers = new double[m];
        BestSolution = new bool[n];
        for (var i = 0; i < m; i++)
        {
            _rowActive[i] = instance.DemandWeight[i] > 0;
        }

        _integralCosts = true;
        for (var j = 0; j < n; j++)
        {
            _integralCosts &= instance.SiteCost[j] == Math.Round(instance.SiteCost[j]);
            if (instance.SiteFlags[j] == SiteFlag.Fixed)
            {
                _fixedCost += instance.SiteCost[j];
                foreach (var i in instance.SiteCovers[j])
                {
                    _rowActive[i] = false;
                }
            }
        }

        for (var j = 0; j < n; j++)
        {
            _colActive[j] = instance.SiteFlags[j] == SiteFlag.Free;
        }

        LowerBound = _fixedCost;
    }

    /// <summary>Best Lagrangian lower bound on the optimal cost (fixed sites included).</summary>
    public double LowerBound { get; private set; }

    /// <summary>Multipliers that gave <see cref="LowerBound"/>.</summary>
    public double[] BestMultipliers { get; }

    /// <summary>Cost of the best cover found (fixed sites included), or +infinity.</summary>
    public double UpperBound { get; private set; } = double.PositiveInfinity;

    /// <summary>The best cover found (fixed sites included).</summary>
    public bool[] BestSolution { get; }

    /// <summary>Subgradient iterations run.</summary>
    public int Iterations { get; private set; }

    /// <summary>Whether costs are integers, so a bound may be rounded up.</summary>
    public bool IntegralCosts => _integralCosts;

    /// <summary>The lower bound rounded up when costs are integral.</summary>
    public double RoundedLowerBound => _integralCosts ? Math.Ceiling(LowerBound - 1e-6) : LowerBound;

    /// <summary>Whether the bounds meet, proving <see cref="BestSolution"/> optimal.</summary>
    public bool Proven => UpperBound <= RoundedLowerBound + 1e-9;

    /// <summary>Subgradient optimisation with restarts until <paramref name="clock"/> expires, the bounds meet, or <paramref name="maxPhases"/> phases ran.</summary>
    public void Run(SearchClock clock, Random random, int maxPhases, CancellationToken cancellationToken)
    {
        InitialMultipliers();
        Greedy(_u);
        for (var phase = 0; phase < maxPhases && !clock.Expired && !Proven; phase++)
        {
            if (phase > 0)
            {
                // restart near the best multipliers: a perturbed start feeds the greedy new covers
                for (var i = 0; i < _u.Length; i++)
                {
                    _u[i] = BestMultipliers[i] * (0.9 + (0.2 * random.NextDouble()));
                }
            }

            Subgradient(clock, 0.1, cancellationToken);
        }
    }

    /// <summary>
    /// Lagrangian reduced cost of every column under <see cref="BestMultipliers"/>: any cover using column j
    /// costs at least <see cref="LowerBound"/> + max(0, reduced_j), so columns with a large reduced cost can be fixed to 0.
    /// </summary>
    public double[] ReducedCosts()
    {
        var reduced = new double[_instance.SiteCount];
        for (var j = 0; j < reduced.Length; j++)
        {
            var r = _instance.SiteCost[j];
            foreach (var i in _instance.SiteCovers[j])
            {
                if (_rowActive[i])
                {
                    r -= BestMultipliers[i];
                }
            }

            reduced[j] = r;
        }

        return reduced;
    }

    /// <summary>Runs the Lagrangian-score greedy with the given multipliers and offers the cover as an upper bound.</summary>
    public double Greedy(double[] multipliers)
    {
        var m = _instance.DemandCount;
        var n = _instance.SiteCount;
        Array.Clear(_coverCount);
        Array.Clear(_inSolution);
        var uncovered = 0;
        for (var i = 0; i < m; i++)
        {
            if (_rowActive[i])
            {
                uncovered++;
            }
        }

        for (var j = 0; j < n; j++)
        {
            var gamma = _instance.SiteCost[j];
            var mu = 0;
            if (_colActive[j])
            {
                foreach (var i in _instance.SiteCovers[j])
                {
                    if (_rowActive[i])
                    {
                        gamma -= multipliers[i];
                        mu++;
                    }
                }
            }

            _gamma[j] = gamma;
            _mu[j] = mu;
        }

        while (uncovered > 0)
        {
            var best = -1;
            var bestScore = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                var mu = _mu[j];
                if (mu == 0)
                {
                    continue;
                }

                // CFT score: gamma/mu for positive gamma, gamma*mu otherwise
                var score = _gamma[j] > 0 ? _gamma[j] / mu : _gamma[j] * mu;
                if (score < bestScore)
                {
                    bestScore = score;
                    best = j;
                }
            }

            if (best < 0)
            {
                return double.PositiveInfinity;
            }

            _inSolution[best] = true;
            foreach (var i in _instance.SiteCovers[best])
            {
                if (!_rowActive[i])
                {
                    continue;
                }

                if (_coverCount[i]++ == 0)
                {
                    uncovered--;
                    foreach (var k in _index.SitesOf(i))
                    {
                        if (_colActive[k])
                        {
                            _mu[k]--;
                            _gamma[k] += multipliers[i];
                        }
                    }
                }
            }
        }

        var cost = RemoveRedundant(_inSolution, _coverCount);
        Offer(_inSolution, cost);
        return cost;
    }

    /// <summary>
    /// Removes redundant columns from a cover (most expensive first) and returns its cost including the fixed sites.
    /// <paramref name="coverCount"/> must hold, per active row, how many chosen columns cover it.
    /// </summary>
    public double RemoveRedundant(bool[] chosen, int[] coverCount)
    {
        var columns = new List<int>();
        for (var j = 0; j < chosen.Length; j++)
        {
            if (chosen[j] && _colActive[j])
            {
                columns.Add(j);
            }
        }

        columns.Sort((a, b) =>
        {
            var c = _instance.SiteCost[b].CompareTo(_instance.SiteCost[a]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var cost = _fixedCost;
        foreach (var j in columns)
        {
            var redundant = true;
            foreach (var i in _instance.SiteCovers[j])
            {
                if (_rowActive[i] && coverCount[i] < 2)
                {
                    redundant = false;
                    break;
                }
            }

            if (redundant)
            {
                chosen[j] = false;
                foreach (var i in _instance.SiteCovers[j])
                {
                    if (_rowActive[i])
                    {
                        coverCount[i]--;
                    }
                }
            }
            else
            {
                cost += _instance.SiteCost[j];
            }
        }

        return cost;
    }

    /// <summary>Keeps <paramref name="chosen"/> (free columns only; fixed sites are added) if it beats the best cover.</summary>
    public void Offer(bool[] chosen, double cost)
    {
        if (cost < UpperBound - 1e-9)
        {
            UpperBound = cost;
            for (var j = 0; j < chosen.Length; j++)
            {
                BestSolution[j] = _instance.SiteFlags[j] == SiteFlag.Fixed || (chosen[j] && _colActive[j]);
            }
        }
    }

    private void InitialMultipliers()
    {
        for (var i = 0; i < _u.Length; i++)
        {
            if (!_rowActive[i])
            {
                continue;
            }

            var best = double.PositiveInfinity;
            foreach (var j in _index.SitesOf(i))
            {
                if (!_colActive[j])
                {
                    continue;
                }

                var rows = 0;
                foreach (var r in _instance.SiteCovers[j])
                {
                    if (_rowActive[r])
                    {
                        rows++;
                    }
                }

                best = Math.Min(best, _instance.SiteCost[j] / rows);
            }

            _u[i] = double.IsPositiveInfinity(best) ? 0 : best;
        }
    }

    private void Subgradient(SearchClock clock, double stepFactor, CancellationToken cancellationToken)
    {
        // stop when the phase's best bound has not improved by 0.01 % for 300 iterations
        var stepSize = new SubgradientStepSize(stepFactor);
        var stall = 0;
        var phaseBest = double.NegativeInfinity;
        var subgradient = new double[_instance.DemandCount];
        while (stall < 300 && !Proven)
        {
            if ((Iterations & 15) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (clock.Expired)
                {
                    return;
                }
            }

            Iterations++;
            var lagrangian = Evaluate(subgradient);
            if (lagrangian > LowerBound)
            {
                LowerBound = lagrangian;
                Array.Copy(_u, BestMultipliers, _u.Length);
            }

            if (lagrangian > phaseBest + (1e-4 * Math.Max(1.0, Math.Abs(phaseBest))))
            {
                phaseBest = lagrangian;
                stall = 0;
            }
            else
            {
                stall++;
            }

            stepSize.Observe(lagrangian);
            if ((Iterations % 5) == 0 || Iterations < 10)
            {
                Greedy(_u);
            }

            if (!Step(subgradient, lagrangian, stepSize.Factor))
            {
                return;
            }
        }
    }

    /// <summary>
    /// L(u) at the current multipliers, with the reduced costs and the subgradient (1 per active row,
    /// less 1 per negative-reduced-cost column covering it) written alongside.
    /// </summary>
    private double Evaluate(double[] subgradient)
    {
        var lagrangian = _fixedCost;
        for (var i = 0; i < subgradient.Length; i++)
        {
            if (_rowActive[i])
            {
                lagrangian += _u[i];
                subgradient[i] = 1.0;
            }
            else
            {
                subgradient[i] = 0.0;
            }
        }

        for (var j = 0; j < _instance.SiteCount; j++)
        {
            if (!_colActive[j])
            {
                continue;
            }

            var r = _instance.SiteCost[j];
            var covers = _instance.SiteCovers[j];
            foreach (var i in covers)
            {
                r -= _u[i];
            }

            _reduced[j] = r;
            if (r < 0)
            {
                lagrangian += r;
                foreach (var i in covers)
                {
                    subgradient[i] -= 1.0;
                }
            }
        }

        return lagrangian;
    }

    /// <summary>
    /// Moves the multipliers along the subgradient (Polyak step f (UB - L) / |g|^2 towards the best cover's
    /// cost, or 5 % above L while there is none), kept non-negative; false when the subgradient vanishes.
    /// </summary>
    private bool Step(double[] subgradient, double lagrangian, double f)
    {
        var norm = 0.0;
        for (var i = 0; i < subgradient.Length; i++)
        {
            // a multiplier at zero with a negative subgradient cannot move: leave it out of the step
            if (_u[i] <= 0 && subgradient[i] < 0)
            {
                subgradient[i] = 0;
            }

            norm += subgradient[i] * subgradient[i];
        }

        if (norm == 0)
        {
            return false;
        }

        var target = double.IsPositiveInfinity(UpperBound) ? (lagrangian * 1.05) + 1.0 : UpperBound;
        var step = f * (target - lagrangian) / norm;
        for (var i = 0; i < subgradient.Length; i++)
        {
            if (_rowActive[i])
            {
                _u[i] = Math.Max(0.0, _u[i] + (step * subgradient[i]));
            }
        }

        return true;
    }
}
