using System.Globalization;
using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Planning.Placement;

/// <summary>
/// The QUBO of a placement goal, in the spirit of Lucas (2014, "Ising formulations of many NP problems",
/// Frontiers in Physics 2:5, section 5.1 set cover), with log-encoded slack bits instead of one-hot counters:
/// <list type="bullet">
/// <item>maximal covering: binaries x_j (free sites) and y_i (demand i covered); minimise
/// -sum (1 + p) w_i y_i + sum_j p W_j x_j subject to y_i - sum_{j covers i} x_j &lt;= 0 for every demand point
/// (slack range 0..deg_i), sum x &lt;= P (and sum c x &lt;= budget on integer costs). The overlap penalty is linear:
/// sum_i w_i (coverers - 1)⁺ = sum_j W_j x_j - sum_i w_i y_i when y_i marks coverage.</item>
/// <item>set cover: binaries x_j; minimise sum_j (c_j + p W_j) x_j subject to sum_{j covers i} x_j &gt;= 1 per
/// positive-weight demand point (full coverage) or, for a partial target, y_i &lt;= sum x_j and sum w y &gt;= target.</item>
/// </list>
/// Penalty weights come from the biases, per constraint: a demand link weighs 2 (1 + p) w_i (more than the
/// objective can gain by breaking it), a site-count or budget constraint twice the largest single-site gain, a
/// row of a cover 1.5 x the dearest column covering it, a partial-cover target 1.5 x the dearest site (cost plus
/// overlap) plus one. With these weights the QUBO minimum decodes to a feasible optimum (docs/quantum.md, section
/// qubo-formulations, gives the proof sketch; the tests check it by enumeration) under <see cref="QuboFormulation.Slack"/>
/// and <see cref="QuboFormulation.Equality"/>, not under <see cref="QuboFormulation.Unbalanced"/>. Capacities are not
/// encoded: the decoded selection is evaluated with them. Fixed sites are constants; forbidden sites have no variable.
/// </summary>
public sealed class PlacementQubo
{
    private readonly int[] _siteVariable;

    private PlacementQubo(ConstrainedQubo qubo, int[] siteVariable, CoverageInstance instance, PlacementGoal goal)
    {
        Qubo = qubo;
        _siteVariable = siteVariable;
        Instance = instance;
        Goal = goal;
    }

    /// <summary>Largest penalised model built (interactions), to keep memory bounded.</summary>
    public const double MaxInteractions = 5e6;

    /// <summary>The constrained QUBO (full penalised model in <see cref="ConstrainedQubo.Model"/>).</summary>
    public ConstrainedQubo Qubo { get; }

    /// <summary>The instance it encodes.</summary>
    public CoverageInstance Instance { get; }

    /// <summary>The goal it encodes.</summary>
    public PlacementGoal Goal { get; }

    /// <summary>The formulation used.</summary>
    public QuboFormulation Formulation => Qubo.Formulation;

    /// <summary>Number of binary variables (qubits) of the penalised model.</summary>
    public int VariableCount => Qubo.Model.VariableCount;

    /// <summary>Builds the QUBO of <paramref name="goal"/> on <paramref name="instance"/> with slack bits (<see cref="QuboFormulation.Slack"/>).</summary>
    /// <exception cref="SolverUnavailableException">The goal needs data a QUBO cannot encode exactly (non-integer demand weights for a partial target).</exception>
    public static PlacementQubo Build(CoverageInstance instance, PlacementGoal goal) => Build(instance, goal, QuboFormulation.Slack);

    /// <summary>
    /// Builds the QUBO of <paramref name="goal"/> on <paramref name="instance"/> in <paramref name="formulation"/>:
    /// <see cref="QuboFormulation.Equality"/> poses a site count as Σx = P (squared, no slack) when more sites never
    /// lower the objective (no overlap penalty, no budget, at least P free sites) and is <see cref="QuboFormulation.Slack"/>
    /// otherwise; <see cref="QuboFormulation.Unbalanced"/> penalises every inequality without slack bits.
    /// </summary>
    /// <exception cref="SolverUnavailableException">The goal needs data a QUBO cannot encode exactly (non-integer demand weights for a partial target).</exception>
    public static PlacementQubo Build(CoverageInstance instance, PlacementGoal goal, QuboFormulation formulation)
    {
        GoalValidator.Check(instance, goal);
        var interactions = EstimateInteractions(instance, goal);
        if (interactions > MaxInteractions)
        {
            throw new SolverUnavailableException(string.Create(
                CultureInfo.InvariantCulture,
                $"the QUBO of this instance would have about {interactions:G3} interactions (the site-count and budget penalties couple every pair of free sites); the quantum path takes at most {MaxInteractions:G3}"));
        }

        var builder = new ConstrainedQuboBuilder();
        var objective = builder.Objective;
        var n = instance.SiteCount;
        var siteVariable = new int[n];
        var fixedCount = 0;
        var fixedCost = 0.0;
        var coveredByFixed = new bool[instance.DemandCount];
        for (var j = 0; j < n; j++)
        {
            siteVariable[j] = -1;
            if (instance.SiteFlags[j] == SiteFlag.Free)
            {
                siteVariable[j] = objective.AddVariable(Label("x", j));
            }
            else if (instance.SiteFlags[j] == SiteFlag.Fixed)
            {
                fixedCount++;
                fixedCost += instance.SiteCost[j];
                foreach (var i in instance.SiteCovers[j])
                {
                    coveredByFixed[i] = true;
                }
            }
        }

        var p = goal.OverlapPenalty;
        var siteWeight = new double[n];
        var maxSiteGain = 0.0;
        for (var j = 0; j < n; j++)
        {
            foreach (var i in instance.SiteCovers[j])
            {
                siteWeight[j] += instance.DemandWeight[i];
            }

            maxSiteGain = Math.Max(maxSiteGain, (1 + p) * siteWeight[j]);
            if (siteVariable[j] >= 0)
            {
                objective.AddLinear(siteVariable[j], (goal.Kind == PlacementKind.SetCover ? instance.SiteCost[j] : 0.0) + (p * siteWeight[j]));
            }
        }

        if (goal.Kind == PlacementKind.SetCover)
        {
            AddCoverRows(builder, instance, goal, siteVariable, coveredByFixed, siteWeight);
        }
        else
        {
            AddCoverageLinks(builder, instance, goal, siteVariable, coveredByFixed);
            AddSiteLimits(builder, instance, goal, siteVariable, fixedCount, fixedCost, Math.Max(maxSiteGain, 1.0), formulation == QuboFormulation.Equality);
        }

        return new PlacementQubo(builder.Build(formulation, penaltyWeight: 1.0), siteVariable, instance, goal);
    }

    /// <summary>
    /// The goal's objective (covered demand minus overlap for maximal covering, cost for set cover) of the selection
    /// <paramref name="state"/> decodes to, or null when that selection breaks the goal (evaluated as is, no repair).
    /// </summary>
    public double? FeasibleObjective(ReadOnlySpan<sbyte> state)
    {
        var evaluation = PlacementEvaluator.Evaluate(Instance, Goal, Decode(state));
        return evaluation.Feasible ? evaluation.Objective : null;
    }

    /// <summary>Whether objective <paramref name="a"/> is better than <paramref name="b"/> for the goal (lower cost, or more coverage).</summary>
    public bool IsBetter(double a, double b) => Goal.Kind == PlacementKind.SetCover ? a < b : a > b;

    /// <summary>
    /// Samples the model with <paramref name="sampling"/>'s fixed simulated-annealing budget and reports its size and
    /// how many reads decode to a feasible selection (no repair), against <paramref name="optimum"/> when known.
    /// </summary>
    public FormulationReport Measure(double? optimum, FormulationSampling sampling, CancellationToken cancellationToken = default) =>
        FormulationReport.Measure(
            Goal.Kind == PlacementKind.SetCover ? "set cover" : "maximal covering",
            FormulationName(Formulation),
            Qubo.Model,
            Qubo.DecisionVariableCount,
            s => FeasibleObjective(s),
            IsBetter,
            optimum,
            sampling,
            cancellationToken);

    /// <summary>The lower-case name of a formulation as the CLI spells it (<c>slack</c>, <c>unbalanced</c>, <c>equality</c>).</summary>
    public static string FormulationName(QuboFormulation formulation) => formulation.ToString().ToLowerInvariant();

    /// <summary>The selection encoded by a state of <see cref="ConstrainedQubo.Model"/> (binary 0/1): free sites set to 1 plus the fixed sites.</summary>
    public bool[] Decode(ReadOnlySpan<sbyte> state)
    {
        var chosen = new bool[_siteVariable.Length];
        for (var j = 0; j < chosen.Length; j++)
        {
            chosen[j] = Instance.SiteFlags[j] == SiteFlag.Fixed || (_siteVariable[j] >= 0 && state[_siteVariable[j]] == 1);
        }

        return chosen;
    }

    private static void AddCoverageLinks(ConstrainedQuboBuilder builder, CoverageInstance instance, PlacementGoal goal, int[] siteVariable, bool[] coveredByFixed)
    {
        var index = CoverageIndex.Build(instance);
        var objective = builder.Objective;
        var vars = new List<int>();
        var coefficients = new List<double>();
        for (var i = 0; i < instance.DemandCount; i++)
        {
            var w = instance.DemandWeight[i];
            if (w <= 0 || coveredByFixed[i])
            {
                continue;
            }

            vars.Clear();
            coefficients.Clear();
            foreach (var j in index.SitesOf(i))
            {
                if (siteVariable[j] >= 0)
                {
                    vars.Add(siteVariable[j]);
                    coefficients.Add(-1.0);
                }
            }

            if (vars.Count == 0)
            {
                continue;
            }

            var y = objective.AddVariable(Label("y", i));
            objective.AddLinear(y, -(1 + goal.OverlapPenalty) * w);
            vars.Add(y);
            coefficients.Add(1.0);
            builder.AddLessOrEqual(Label("cover", i), [.. vars], [.. coefficients], 0.0, 2 * (1 + goal.OverlapPenalty) * w);
        }
    }

    private static void AddSiteLimits(ConstrainedQuboBuilder builder, CoverageInstance instance, PlacementGoal goal, int[] siteVariable, int fixedCount, double fixedCost, double maxSiteGain, bool equality)
    {
        var free = new List<int>();
        var costs = new List<double>();
        for (var j = 0; j < siteVariable.Length; j++)
        {
            if (siteVariable[j] >= 0)
            {
                free.Add(siteVariable[j]);
                costs.Add(instance.SiteCost[j]);
            }
        }

        if (goal.MaxSites is { } maxSites && free.Count > 0)
        {
            // without overlap penalty or budget a further site never lowers the coverage, so some optimum uses exactly
            // min(P, free) sites: the equality needs no slack and keeps that optimum
            var k = maxSites - fixedCount;
            if (equality && goal.OverlapPenalty == 0 && goal.Budget is null && free.Count >= k)
            {
                builder.AddCardinality("sites", [.. free], k, 2 * maxSiteGain);
            }
            else
            {
                builder.AddAtMostK("sites", [.. free], k, 2 * maxSiteGain);
            }
        }

        if (goal.Budget is { } budget && free.Count > 0)
        {
            // costs in whole units of budget/1000 when they are not integers, rounded up so a feasible sample is truly feasible
            var left = budget - fixedCost;
            var integral = costs.TrueForAll(c => c == Math.Round(c)) && left == Math.Round(left);
            var unit = integral ? 1.0 : Math.Max(left, 1e-9) / 1000.0;
            var scaled = new double[costs.Count];
            for (var k = 0; k < scaled.Length; k++)
            {
                scaled[k] = Math.Ceiling((costs[k] / unit) - 1e-9);
            }

            builder.AddLessOrEqual("budget", [.. free], scaled, Math.Floor((left / unit) + 1e-9), 2 * maxSiteGain);
        }
    }

    private static void AddCoverRows(ConstrainedQuboBuilder builder, CoverageInstance instance, PlacementGoal goal, int[] siteVariable, bool[] coveredByFixed, double[] siteWeight)
    {
        var index = CoverageIndex.Build(instance);
        var full = goal.CoverageTarget >= 1.0;
        var weights = full ? null : IntegerScaling.Of(instance.DemandWeight);
        if (weights is { Exact: false } || (weights is not null && weights.Scale != 1.0))
        {
            throw new SolverUnavailableException("the QUBO encodes a partial coverage target only for integer demand weights");
        }

        var target = goal.CoverageTarget * instance.TotalDemand;
        var vars = new List<int>();
        var yVars = new List<int>();
        var yWeights = new List<double>();
        for (var i = 0; i < instance.DemandCount; i++)
        {
            if (instance.DemandWeight[i] <= 0)
            {
                continue;
            }

            if (coveredByFixed[i])
            {
                target -= instance.DemandWeight[i];
                continue;
            }

            vars.Clear();
            var heaviest = 0.0;
            foreach (var j in index.SitesOf(i))
            {
                if (siteVariable[j] >= 0)
                {
                    vars.Add(siteVariable[j]);
                    heaviest = Math.Max(heaviest, instance.SiteCost[j] + (goal.OverlapPenalty * siteWeight[j]));
                }
            }

            if (vars.Count == 0)
            {
                continue;
            }

            var weight = (1.5 * heaviest) + 1.0;
            if (full)
            {
                builder.AddAtLeastK(Label("row", i), [.. vars], 1, weight);
                continue;
            }

            var y = builder.Objective.AddVariable(Label("y", i));
            var coefficients = new double[vars.Count + 1];
            Array.Fill(coefficients, -1.0);
            coefficients[^1] = 1.0;
            builder.AddLessOrEqual(Label("cover", i), [.. vars, y], coefficients, 0.0, weight);
            yVars.Add(y);
            yWeights.Add(instance.DemandWeight[i]);
        }

        if (!full && yVars.Count > 0)
        {
            // a unit short of the target is made up by one more site, which costs at most c_j + p W_j
            var maxCost = 0.0;
            for (var j = 0; j < instance.SiteCount; j++)
            {
                maxCost = Math.Max(maxCost, instance.SiteCost[j] + (goal.OverlapPenalty * siteWeight[j]));
            }

            builder.AddGreaterOrEqual("target", [.. yVars], [.. yWeights], Math.Ceiling(target - 1e-9), (1.5 * maxCost) + 1.0);
        }
    }

    // each squared penalty couples every pair of its variables (decision variables plus slack bits)
    private static double EstimateInteractions(CoverageInstance instance, PlacementGoal goal)
    {
        var free = 0;
        foreach (var flag in instance.SiteFlags)
        {
            if (flag == SiteFlag.Free)
            {
                free++;
            }
        }

        static double Pairs(double k) => k * (k - 1) / 2;
        var total = 0.0;
        if (goal.Kind == PlacementKind.MaximalCovering)
        {
            var limits = (goal.MaxSites is null ? 0 : 1) + (goal.Budget is null ? 0 : 1);
            total += limits * Pairs(free + Math.Log2(free + 2) + 10);
        }
        else if (goal.CoverageTarget < 1.0)
        {
            total += Pairs(instance.DemandCount + 40);
        }

        var index = CoverageIndex.Build(instance);
        for (var i = 0; i < instance.DemandCount; i++)
        {
            var degree = index.Degree(i);
            total += Pairs(degree + 2 + Math.Ceiling(Math.Log2(degree + 1)));
        }

        return total;
    }

    private static string Label(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}");
}
