namespace Quanet.Planning.Placement;

/// <summary>
/// Lagrangian upper bound for maximal covering, max sum (1 + p) w_i y_i - sum_j p W_j x_j subject to
/// y_i &lt;= sum_{j covers i} x_j, at most P sites and a cost budget (W_j = weight site j covers, p the
/// overlap penalty; with p = 0 this is the classic MCLP of Church and ReVelle 1974). Relaxing the
/// coverage links with u &gt;= 0 (Galvão and ReVelle 1996) separates the problem:
/// L(u) = sum_i max(0, (1 + p) w_i - u_i) + max over allowed selections of sum_j (rho_j - p W_j) x_j with
/// rho_j = sum_{i in j} u_i. The selection part is solved exactly for a site count (best P values) and by its
/// LP (fractional knapsack) for a budget; with both, the smaller of the two is a valid bound. Capacities
/// only lower coverage, so the bound stays valid for capacitated instances. Minimised by subgradient steps.
/// </summary>
internal sealed class MaxCoverLagrangian
{
    private readonly CoverageInstance _instance;
    private readonly PlacementGoal _goal;
    private readonly double[] _u;
    private readonly double[] _value;
    private readonly double[] _siteWeight;
    private readonly bool[] _take;
    private readonly int[] _order;
    private readonly double[] _scratch;
    private int[]? _coverers;

    /// <summary>Prepares the relaxation.</summary>
    public MaxCoverLagrangian(CoverageInstance instance, PlacementGoal goal)
    {
        _instance = instance;
        _goal = goal;
        _u = new double[instance.DemandCount];
        _value = new double[instance.SiteCount];
        _siteWeight = new double[instance.SiteCount];
        _take = new bool[instance.SiteCount];
        _order = new int[instance.SiteCount];
        _scratch = new double[instance.SiteCount];
        for (var j = 0; j < instance.SiteCount; j++)
        {
            foreach (var i in instance.SiteCovers[j])
            {
                _siteWeight[j] += instance.DemandWeight[i];
            }
        }

        for (var i = 0; i < _u.Length; i++)
        {
            _u[i] = instance.DemandWeight[i] * (1 + goal.OverlapPenalty) * 0.5;
        }
    }

    /// <summary>The best (smallest) upper bound found.</summary>
    public double UpperBound { get; private set; } = double.PositiveInfinity;

    /// <summary>
    /// The best selection met along the way that obeys every site constraint, scored by uncapacitated
    /// covered - penalty x overlap (a Lagrangian heuristic: the relaxation's site choice is often near-optimal), or null.
    /// </summary>
    public bool[]? BestPrimal { get; private set; }

    /// <summary>Score of <see cref="BestPrimal"/>.</summary>
    public double BestPrimalValue { get; private set; } = double.NegativeInfinity;

    /// <summary>Subgradient iterations run.</summary>
    public int Iterations { get; private set; }

    /// <summary>Subgradient optimisation; <paramref name="incumbent"/> is the best known objective (for the step size).</summary>
    public void Run(double incumbent, SearchClock clock, int maxIterations, CancellationToken cancellationToken)
    {
        var m = _instance.DemandCount;
        var penalty = _goal.OverlapPenalty;
        var g = new double[m];
        var f = 2.0;
        var sinceImprovement = 0;
        for (var iteration = 0; iteration < maxIterations && f > 1e-5; iteration++)
        {
            if ((iteration & 7) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (clock.Expired)
                {
                    return;
                }
            }

            Iterations++;
            var bound = 0.0;
            for (var i = 0; i < m; i++)
            {
                var reduced = ((1 + penalty) * _instance.DemandWeight[i]) - _u[i];
                var y = reduced > 0 ? 1.0 : 0.0;
                bound += y * reduced;
                g[i] = -y;
            }

            for (var j = 0; j < _instance.SiteCount; j++)
            {
                var rho = -penalty * _siteWeight[j];
                foreach (var i in _instance.SiteCovers[j])
                {
                    rho += _u[i];
                }

                _value[j] = rho;
            }

            bound += Select();
            if (iteration % 10 == 0)
            {
                OfferPrimal();
            }

            for (var j = 0; j < _instance.SiteCount; j++)
            {
                if (_take[j])
                {
                    foreach (var i in _instance.SiteCovers[j])
                    {
                        g[i] += 1.0;
                    }
                }
            }

            if (bound < UpperBound - (1e-9 * Math.Max(1.0, Math.Abs(bound))))
            {
                UpperBound = bound;
                sinceImprovement = 0;
            }
            else if (++sinceImprovement >= 20)
            {
                f /= 2;
                sinceImprovement = 0;
            }

            var norm = 0.0;
            for (var i = 0; i < m; i++)
            {
                if (_u[i] <= 0 && g[i] > 0)
                {
                    g[i] = 0;
                }

                norm += g[i] * g[i];
            }

            if (norm == 0)
            {
                return;
            }

            var gap = Math.Max(bound - incumbent, 1e-6 * Math.Max(1.0, bound));
            var step = f * gap / norm;
            for (var i = 0; i < m; i++)
            {
                _u[i] = Math.Max(0.0, _u[i] - (step * g[i]));
            }
        }
    }

    private void OfferPrimal()
    {
        var count = 0;
        var cost = 0.0;
        for (var j = 0; j < _take.Length; j++)
        {
            if (_take[j])
            {
                count++;
                cost += _instance.SiteCost[j];
            }
        }

        if ((_goal.MaxSites is { } p && count > p) || (_goal.Budget is { } b && cost > b + (PlacementEvaluator.Tolerance * Math.Max(1.0, b))))
        {
            return;
        }

        _coverers ??= new int[_instance.DemandCount];
        Array.Clear(_coverers);
        for (var j = 0; j < _take.Length; j++)
        {
            if (_take[j])
            {
                foreach (var i in _instance.SiteCovers[j])
                {
                    _coverers[i]++;
                }
            }
        }

        var value = 0.0;
        for (var i = 0; i < _coverers.Length; i++)
        {
            if (_coverers[i] > 0)
            {
                value += _instance.DemandWeight[i] * (1 - (_goal.OverlapPenalty * (_coverers[i] - 1)));
            }
        }

        if (value > BestPrimalValue)
        {
            BestPrimalValue = value;
            BestPrimal = (bool[])_take.Clone();
        }
    }

    // the best value of sum (rho_j - p W_j) x_j over the relaxed site constraints; marks _take for the subgradient
    private double Select()
    {
        var n = _instance.SiteCount;
        Array.Clear(_take);
        var fixedValue = 0.0;
        var fixedCount = 0;
        var fixedCost = 0.0;
        var free = 0;
        for (var j = 0; j < n; j++)
        {
            switch (_instance.SiteFlags[j])
            {
                case SiteFlag.Fixed:
                    _take[j] = true;
                    fixedValue += _value[j];
                    fixedCount++;
                    fixedCost += _instance.SiteCost[j];
                    break;
                case SiteFlag.Free when _value[j] > 0:
                    _order[free++] = j;
                    break;
            }
        }

        var byCount = double.PositiveInfinity;
        var countTake = 0;
        if (_goal.MaxSites is { } p)
        {
            var slots = Math.Max(0, p - fixedCount);
            for (var k = 0; k < free; k++)
            {
                _scratch[k] = -_value[_order[k]];
            }

            Array.Sort(_scratch, _order, 0, free);
            countTake = Math.Min(slots, free);
            byCount = 0.0;
            for (var k = 0; k < countTake; k++)
            {
                byCount += _value[_order[k]];
            }
        }

        var byBudget = double.PositiveInfinity;
        if (_goal.Budget is { } budget)
        {
            var left = budget - fixedCost;
            var zeroCost = 0.0;
            var ratioCount = 0;
            var ratioOrder = new int[free];
            for (var k = 0; k < free; k++)
            {
                var j = _order[k];
                if (_instance.SiteCost[j] <= 0)
                {
                    zeroCost += _value[j];
                }
                else
                {
                    ratioOrder[ratioCount] = j;
                    _scratch[ratioCount++] = -_value[j] / _instance.SiteCost[j];
                }
            }

            Array.Sort(_scratch, ratioOrder, 0, ratioCount);
            byBudget = zeroCost;
            for (var k = 0; k < ratioCount && left > 0; k++)
            {
                var j = ratioOrder[k];
                var fraction = Math.Min(1.0, left / _instance.SiteCost[j]);
                byBudget += fraction * _value[j];
                left -= fraction * _instance.SiteCost[j];
            }

            if (byBudget < byCount)
            {
                // subgradient from the budget relaxation: the sites it fully or partly takes
                var spent = 0.0;
                for (var k = 0; k < ratioCount; k++)
                {
                    _take[ratioOrder[k]] = spent < budget - fixedCost;
                    spent += _instance.SiteCost[ratioOrder[k]];
                }

                for (var k = 0; k < free; k++)
                {
                    if (_instance.SiteCost[_order[k]] <= 0)
                    {
                        _take[_order[k]] = true;
                    }
                }

                return fixedValue + byBudget;
            }
        }

        if (_goal.MaxSites is null && _goal.Budget is null)
        {
            var all = 0.0;
            for (var k = 0; k < free; k++)
            {
                all += _value[_order[k]];
                _take[_order[k]] = true;
            }

            return fixedValue + all;
        }

        for (var k = 0; k < countTake; k++)
        {
            _take[_order[k]] = true;
        }

        return fixedValue + byCount;
    }
}
