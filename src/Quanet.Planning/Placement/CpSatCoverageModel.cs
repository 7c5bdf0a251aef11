using Google.OrTools.Sat;

namespace Quanet.Planning.Placement;

/// <summary>
/// The CP-SAT model of a placement goal over a <see cref="CoverageReduction"/>: one Boolean per usable
/// site, one per demand class (covered), integer flows per class-site pair when sites have capacities
/// (splittable demand, flow &lt;= weight x open, site load &lt;= capacity x open), and the overlap penalty
/// made linear through sum_i w_i (coverers_i - 1)⁺ = sum_j W_j x_j - sum_i w_i [i covered].
/// Objective coefficients are scaled to integers by <see cref="IntegerScaling"/>; the model records the
/// scale and the worst rounding error so that objective and bound map back to original units.
/// </summary>
internal sealed class CpSatCoverageModel
{
    private readonly List<(IntVar Var, double Coefficient, long Upper)> _terms = [];
    private IntegerScaling _objective = null!;

    private CpSatCoverageModel(CoverageInstance instance, CoverageReduction reduction)
    {
        Instance = instance;
        Reduction = reduction;
        Sites = new BoolVar?[instance.SiteCount];
    }

    /// <summary>The instance.</summary>
    public CoverageInstance Instance { get; }

    /// <summary>The presolve the model was built on.</summary>
    public CoverageReduction Reduction { get; }

    /// <summary>The model.</summary>
    public CpModel Model { get; } = new();

    /// <summary>The site variables (null for sites presolved away).</summary>
    public BoolVar?[] Sites { get; }

    /// <summary>Whether the objective is maximised.</summary>
    public bool Maximize { get; private set; }

    /// <summary>Whether every weight, cost and capacity was scaled without rounding (the bound is then exact).</summary>
    public bool Exact { get; private set; } = true;

    /// <summary>In original units, how far rounding may move any objective value.</summary>
    public double ObjectiveError { get; private set; }

    /// <summary>Maps a CP-SAT objective value to original units.</summary>
    public double ToOriginal(double scaled) => scaled / _objective.Scale;

    /// <summary>A proven bound in original units (widened by the rounding error when inexact).</summary>
    public double BoundToOriginal(double scaledBound) =>
        Maximize ? ToOriginal(scaledBound) + ObjectiveError : ToOriginal(scaledBound) - ObjectiveError;

    /// <summary>Builds the model.</summary>
    public static CpSatCoverageModel Build(CoverageInstance instance, PlacementGoal goal, CoverageReduction reduction)
    {
        var model = new CpSatCoverageModel(instance, reduction);
        model.BuildSites(goal);
        if (goal.Kind == PlacementKind.SetCover)
        {
            model.BuildSetCover(goal);
        }
        else
        {
            model.BuildMaxCover(goal);
        }

        model.SetObjective();
        return model;
    }

    /// <summary>Hints a selection (mapped onto usable sites) to the solver.</summary>
    public void Hint(ReadOnlySpan<bool> selection)
    {
        var mapped = Reduction.MapSelection(selection);
        for (var j = 0; j < Sites.Length; j++)
        {
            if (Sites[j] is { } x)
            {
                Model.AddHint(x, mapped[j] ? 1 : 0);
            }
        }
    }

    /// <summary>Reads the selection from a solved solver.</summary>
    public bool[] Selection(CpSolver solver)
    {
        var chosen = new bool[Sites.Length];
        for (var j = 0; j < Sites.Length; j++)
        {
            chosen[j] = Sites[j] is { } x && solver.BooleanValue(x);
        }

        return chosen;
    }

    private void BuildSites(PlacementGoal goal)
    {
        var usable = new List<BoolVar>();
        var costs = new List<double>();
        for (var j = 0; j < Sites.Length; j++)
        {
            if (!Reduction.Usable[j])
            {
                continue;
            }

            var x = Model.NewBoolVar($"x{j}");
            Sites[j] = x;
            usable.Add(x);
            costs.Add(Instance.SiteCost[j]);
            if (Instance.SiteFlags[j] == SiteFlag.Fixed)
            {
                Model.Add(x == 1);
            }
        }

        if (goal.MaxSites is { } p)
        {
            Model.Add(LinearExpr.Sum(usable) <= p);
        }

        if (goal.Budget is { } budget)
        {
            var scaling = IntegerScaling.Of([.. costs, budget]);
            Exact &= scaling.Exact;
            var expr = LinearExpr.NewBuilder();
            for (var k = 0; k < usable.Count; k++)
            {
                expr.AddTerm(usable[k], scaling.Scaled[k]);
            }

            Model.Add(expr <= scaling.Scaled[^1]);
        }
    }

    private void BuildMaxCover(PlacementGoal goal)
    {
        Maximize = true;
        var p = goal.OverlapPenalty;
        if (Instance.SiteCapacity is null)
        {
            for (var c = 0; c < Reduction.ClassCount; c++)
            {
                var y = Model.NewBoolVar($"y{c}");
                Model.Add(SitesSum(c) >= y);
                _terms.Add((y, (1 + p) * Reduction.ClassWeight[c], 1));
            }
        }
        else
        {
            var weightScale = AddFlows(out var flows);
            foreach (var z in flows)
            {
                _terms.Add((z.Var, 1.0 / weightScale, z.Upper));
            }

            AddCoveredIndicators(p);
        }

        AddOverlapSiteTerms(-p);
    }

    private void BuildSetCover(PlacementGoal goal)
    {
        Maximize = false;
        var p = goal.OverlapPenalty;
        for (var j = 0; j < Sites.Length; j++)
        {
            if (Sites[j] is { } x)
            {
                _terms.Add((x, Instance.SiteCost[j], 1));
            }
        }

        AddOverlapSiteTerms(p);
        if (p > 0)
        {
            AddCoveredIndicators(-p);
        }

        if (Instance.SiteCapacity is null && goal.CoverageTarget >= 1.0)
        {
            for (var c = 0; c < Reduction.ClassCount; c++)
            {
                Model.Add(SitesSum(c) >= 1);
            }

            return;
        }

        if (Instance.SiteCapacity is null)
        {
            var weights = IntegerScaling.Of([.. Reduction.ClassWeight, goal.CoverageTarget * Instance.TotalDemand]);
            Exact &= weights.Exact;
            var covered = LinearExpr.NewBuilder();
            for (var c = 0; c < Reduction.ClassCount; c++)
            {
                var y = Model.NewBoolVar($"y{c}");
                Model.Add(SitesSum(c) >= y);
                covered.AddTerm(y, weights.Scaled[c]);
            }

            Model.Add(covered >= weights.Scaled[^1]);
            return;
        }

        var weightScale = AddFlows(out var flows);
        var served = LinearExpr.NewBuilder();
        foreach (var z in flows)
        {
            served.Add(z.Var);
        }

        var target = (long)Math.Ceiling((goal.CoverageTarget * Instance.TotalDemand * weightScale) - 1e-6);
        Model.Add(served >= target);
    }

    // integer flows z_cj <= W_c x_j, sum_j z_cj <= W_c, sum_c z_cj <= cap_j x_j; returns the weight scale
    private double AddFlows(out List<(IntVar Var, long Upper)> flows)
    {
        var capacity = Instance.SiteCapacity!;
        var values = new double[Reduction.ClassCount + Sites.Length];
        Reduction.ClassWeight.CopyTo(values, 0);
        for (var j = 0; j < Sites.Length; j++)
        {
            values[Reduction.ClassCount + j] = Reduction.Usable[j] ? capacity[j] : 0.0;
        }

        var scaling = IntegerScaling.Of(values);
        Exact &= scaling.Exact;
        flows = [];
        var siteLoad = new LinearExprBuilder?[Sites.Length];
        for (var c = 0; c < Reduction.ClassCount; c++)
        {
            var weight = scaling.Scaled[c];
            var classServed = LinearExpr.NewBuilder();
            foreach (var j in Reduction.ClassSites[c])
            {
                var z = Model.NewIntVar(0, weight, $"z{c}_{j}");
                Model.Add(z <= weight * Sites[j]!);
                classServed.Add(z);
                (siteLoad[j] ??= LinearExpr.NewBuilder()).Add(z);
                flows.Add((z, weight));
            }

            Model.Add(classServed <= weight);
        }

        for (var j = 0; j < Sites.Length; j++)
        {
            if (siteLoad[j] is { } load)
            {
                Model.Add(load <= scaling.Scaled[Reduction.ClassCount + j] * Sites[j]!);
            }
        }

        return scaling.Scale;
    }

    // u_c <= sum x (covered at all), weighted coefficient sign x p x W_c: the "- covered" part of the overlap
    private void AddCoveredIndicators(double signedPenalty)
    {
        if (signedPenalty == 0)
        {
            return;
        }

        for (var c = 0; c < Reduction.ClassCount; c++)
        {
            var u = Model.NewBoolVar($"u{c}");
            Model.Add(SitesSum(c) >= u);
            _terms.Add((u, Math.Abs(signedPenalty) * Reduction.ClassWeight[c], 1));
        }
    }

    // the "sum_j W_j x_j" part of the overlap, with W_j over the classes the site covers
    private void AddOverlapSiteTerms(double signedPenalty)
    {
        if (signedPenalty == 0)
        {
            return;
        }

        for (var j = 0; j < Sites.Length; j++)
        {
            if (Sites[j] is not { } x)
            {
                continue;
            }

            var w = 0.0;
            foreach (var c in Reduction.SiteClasses[j])
            {
                w += Reduction.ClassWeight[c];
            }

            _terms.Add((x, signedPenalty * w, 1));
        }
    }

    private LinearExpr SitesSum(int c)
    {
        var sum = LinearExpr.NewBuilder();
        foreach (var j in Reduction.ClassSites[c])
        {
            sum.Add(Sites[j]!);
        }

        return sum;
    }

    private void SetObjective()
    {
        var coefficients = new double[_terms.Count];
        for (var k = 0; k < _terms.Count; k++)
        {
            coefficients[k] = _terms[k].Coefficient;
        }

        _objective = IntegerScaling.Of(coefficients);
        var error = 0.0;
        var objective = LinearExpr.NewBuilder();
        for (var k = 0; k < _terms.Count; k++)
        {
            objective.AddTerm(_terms[k].Var, _objective.Scaled[k]);
            error += Math.Abs(_objective.Scaled[k] - (coefficients[k] * _objective.Scale)) * _terms[k].Upper;
        }

        ObjectiveError = _objective.Exact ? 0.0 : error / _objective.Scale;
        Exact &= _objective.Exact;
        if (Maximize)
        {
            Model.Maximize(objective);
        }
        else
        {
            Model.Minimize(objective);
        }
    }
}
