using Quanet.Optimization.Steiner.Lp;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>One node: the cutting-plane loop on the warm LP, the heuristic, reduced-cost fixing and branching.</summary>
internal sealed partial class LpBranchAndCut
{
    /// <summary>Rounds without a rise of the rounded bound after which the root stops cutting and branches.</summary>
    private const int RootStallRounds = 12;

    /// <summary>The same below the root, where branching soon pays more than cutting.</summary>
    private const int NodeStallRounds = 3;

    /// <summary>Dual simplex pivots per slice of <see cref="SolveUntilDeadline"/>.</summary>
    private const int SliceIterations = 300;

    /// <summary>Cutting rounds per node below the root.</summary>
    private const int NodeRounds = 25;

    private readonly List<int> _fixedHere = [];
    private double[] _reducedCost = [];

    private enum NodeOutcome
    {
        /// <summary>The node holds no tree cheaper than the incumbent (or its best tree was taken as incumbent).</summary>
        Pruned,

        /// <summary>The node was split into the children given.</summary>
        Branched,

        /// <summary>The deadline (or LP trouble) stopped the node; it stays open at the bound returned.</summary>
        Stopped,
    }

    private double RemainingSeconds() => Math.Max(0.0, (_deadline - _time.GetTimestamp()) / (double)_time.TimestampFrequency);

    private NodeOutcome Process(BranchNode node, List<BranchNode> children, out long bound)
    {
        children.Clear();
        bound = node.Bound;
        if (bound >= _bestCost)
        {
            return NodeOutcome.Pruned;
        }

        Nodes++;
        Apply(node);
        var root = node.Depth == 0;
        var stallLimit = root ? RootStallRounds : NodeStallRounds;
        var roundLimit = root ? int.MaxValue : NodeRounds;
        var stalled = 0;
        var rounds = 0;
        var converged = false;
        double objective;
        while (true)
        {
            if (Expired() || Profile.Rounds >= RoundBudget)
            {
                return NodeOutcome.Stopped;
            }

            var started = _time.GetTimestamp();
            var status = SolveUntilDeadline();
            Profile.Lp += _time.GetTimestamp() - started;
            Profile.Rounds++;
            if (status == LpStatus.Infeasible)
            {
                return NodeOutcome.Pruned;
            }

            if (status != LpStatus.Optimal)
            {
                return NodeOutcome.Stopped;
            }

            objective = _lp.Objective;
            var rounded = BranchAndCutSolver.RoundUp(objective) + _model.Offset;
            stalled = rounded > bound ? 0 : stalled + 1;
            bound = Math.Max(bound, rounded);
            if (bound >= _bestCost)
            {
                return NodeOutcome.Pruned;
            }

            ReadValues();
            ReadReducedCosts();
            if (stalled >= stallLimit || rounds >= roundLimit)
            {
                break;
            }

            started = _time.GetTimestamp();
            AgeCuts(all: true);
            var added = SeparatePool() + Separate(root ? 3 : 1);
            Profile.Separation += _time.GetTimestamp() - started;
            if (added == 0)
            {
                converged = true;
                break;
            }

            rounds++;
            if (root && rounds % 5 == 0)
            {
                LpHeuristic();
            }
        }

        if (converged && BranchAndCutSolver.IsIntegral(_value) && BranchAndCutSolver.TryTree(_g, _value, out var tree, out var cost))
        {
            // An integral LP optimum satisfying every cut is a tree of this subproblem no dearer than its bound.
            Improve(tree, cost);
            return NodeOutcome.Pruned;
        }

        LpHeuristic();
        if (bound >= _bestCost)
        {
            return NodeOutcome.Pruned;
        }

        FixByReducedCost(node, objective, root);
        var branching = _time.GetTimestamp();
        var outcome = Branch(node, objective, bound, children);
        Profile.Branching += _time.GetTimestamp() - branching;
        return outcome;
    }

    /// <summary>
    /// Runs the dual simplex in slices of <see cref="SliceIterations"/> pivots, each resuming from the last basis,
    /// until it ends or the deadline passes (CLP's own limit counts CPU seconds, which on a loaded machine run
    /// far slower than the wall clock). The slices do not depend on the clock, so neither does the result.
    /// </summary>
    private LpStatus SolveUntilDeadline()
    {
        while (true)
        {
            _lp.TimeLimitSeconds = RemainingSeconds();
            var status = _lp.Solve(SliceIterations);
            Iterations += _lp.Iterations;
            if (status != LpStatus.IterationLimit || Expired())
            {
                return status;
            }
        }
    }

    private void ReadReducedCosts()
    {
        var rc = _lp.ReducedCosts;
        if (_reducedCost.Length != rc.Length)
        {
            _reducedCost = new double[rc.Length];
        }

        rc.CopyTo(_reducedCost);
    }

    /// <summary>
    /// Arcs at 0 whose reduced cost lifts the LP bound to the incumbent cannot be in a cheaper tree of this
    /// subproblem: fixed to 0 below this node (for the whole search at the root).
    /// </summary>
    private void FixByReducedCost(BranchNode node, double objective, bool root)
    {
        _fixedHere.Clear();
        for (var c = 0; c < _reducedCost.Length; c++)
        {
            if (_nodeUpper[c] == 0 || _value[_arcOf[c]] > 1e-9 || _reducedCost[c] <= 0)
            {
                continue;
            }

            if (BranchAndCutSolver.RoundUp(objective + _reducedCost[c]) + _model.Offset >= _bestCost)
            {
                _nodeUpper[c] = 0;
                _lp.SetColumnBounds(c, 0, 0);
                if (root && node.Decisions.Length == 0)
                {
                    _globalUpper[c] = 0;
                    RootFixed++;
                }
                else
                {
                    _fixedHere.Add(_arcOf[c]);
                }
            }
        }
    }

    private void Improve(int[] edges, long cost)
    {
        if (cost < _bestCost)
        {
            _bestCost = cost;
            _bestEdges = edges;
        }
    }
}
