using Quanet.Optimization.Steiner.Lp;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Branching on vertices by strong branching: the undecided Steiner vertices whose LP in-degree is most
/// fractional are tried in both directions with a few dual simplex pivots from the node's basis; the one
/// whose two children raise the bound most (product of the gains) is taken. A child found infeasible or
/// above the incumbent is not created.
/// </summary>
internal sealed partial class LpBranchAndCut
{
    /// <summary>Candidates tried by strong branching.</summary>
    private const int StrongCandidates = 6;

    /// <summary>Dual simplex pivots per strong-branching child.</summary>
    private const int StrongIterations = 60;

    private readonly int[] _candidates = new int[StrongCandidates];
    private readonly double[] _candidateScore = new double[StrongCandidates];
    private byte[] _basis = [];

    private NodeOutcome Branch(BranchNode node, double objective, long bound, List<BranchNode> children)
    {
        var count = Candidates();
        if (count == 0)
        {
            return NodeOutcome.Stopped;
        }

        if (_basis.Length < _lp.BasisSize)
        {
            _basis = new byte[2 * _lp.BasisSize];
        }

        _lp.SaveBasis(_basis);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        long bestIn = bound, bestOut = bound;
        for (var i = 0; i < count && !Expired(); i++)
        {
            var v = _candidates[i];
            var inBound = Trial(v, forceIn: true, objective, bound);
            var outBound = Trial(v, forceIn: false, objective, bound);
            var gainIn = Math.Max(_trialObjective[0] - objective, 1e-6);
            var gainOut = Math.Max(_trialObjective[1] - objective, 1e-6);
            var score = gainIn * gainOut;
            if (score > bestScore)
            {
                (best, bestScore, bestIn, bestOut) = (v, score, inBound, outBound);
            }
        }

        _lp.RestoreBasis(_basis);
        if (best < 0)
        {
            best = _candidates[0];
        }

        var fixedArcs = _fixedHere.Count == 0 ? node.FixedArcs : [.. node.FixedArcs, .. _fixedHere];
        if (bestIn < _bestCost)
        {
            children.Add(new BranchNode(bestIn, node.Depth + 1, _nextId++, [.. node.Decisions, best + 1], fixedArcs));
        }

        if (bestOut < _bestCost)
        {
            children.Add(new BranchNode(bestOut, node.Depth + 1, _nextId++, [.. node.Decisions, -(best + 1)], fixedArcs));
        }

        return children.Count == 0 ? NodeOutcome.Pruned : NodeOutcome.Branched;
    }

    private readonly double[] _trialObjective = new double[2];

    /// <summary>
    /// Solves the child of the node with <paramref name="v"/> in (or out) for a few pivots, then puts the
    /// LP's bounds and basis back; returns the child's proven bound (long.MaxValue when infeasible).
    /// </summary>
    private long Trial(int v, bool forceIn, double objective, long bound)
    {
        var g = _g;
        if (forceIn)
        {
            _lp.SetRowBounds(_inRow[v], 1, 1);
        }
        else
        {
            foreach (var e in g.IncidentEdges(v))
            {
                SetColumnUpper(2 * e, 0);
                SetColumnUpper((2 * e) + 1, 0);
            }
        }

        _lp.TimeLimitSeconds = RemainingSeconds();
        var status = _lp.Solve(StrongIterations);
        Iterations += _lp.Iterations;
        var slot = forceIn ? 0 : 1;
        long result = bound;
        switch (status)
        {
            case LpStatus.Infeasible:
                _trialObjective[slot] = double.PositiveInfinity;
                result = long.MaxValue;
                break;
            case LpStatus.Optimal:
                _trialObjective[slot] = _lp.Objective;
                result = Math.Max(bound, BranchAndCutSolver.RoundUp(_lp.Objective) + _model.Offset);
                break;
            default:
                // Stopped after a few pivots: the objective is an estimate only, not a bound.
                _trialObjective[slot] = Math.Max(objective, _lp.Objective);
                break;
        }

        if (forceIn)
        {
            _lp.SetRowBounds(_inRow[v], 0, 1);
        }
        else
        {
            foreach (var e in g.IncidentEdges(v))
            {
                foreach (var arc in (ReadOnlySpan<int>)[2 * e, (2 * e) + 1])
                {
                    if (_colOf[arc] >= 0)
                    {
                        _lp.SetColumnBounds(_colOf[arc], 0, _nodeUpper[_colOf[arc]]);
                    }
                }
            }
        }

        _lp.RestoreBasis(_basis);
        return result;
    }

    private void SetColumnUpper(int arc, double upper)
    {
        if (_colOf[arc] >= 0)
        {
            _lp.SetColumnBounds(_colOf[arc], 0, upper);
        }
    }

    /// <summary>
    /// Fills the candidates: undecided Steiner vertices by how fractional their in-degree is (ties by id); when
    /// none is fractional, an undecided Steiner vertex the LP uses (so that the search still ends: once every
    /// vertex is decided the LP is a spanning arborescence relaxation, which is integral). Returns how many.
    /// </summary>
    private int Candidates()
    {
        var g = _g;
        var count = 0;
        var fallback = -1;
        var anyUndecided = -1;
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (g.IsTerminal(v) || _forcedIn[v] || _forcedOut[v] || _inRow[v] < 0)
            {
                continue;
            }

            anyUndecided = anyUndecided < 0 ? v : anyUndecided;
            var y = 0.0;
            foreach (var e in g.IncidentEdges(v))
            {
                y += _value[DualAscent.ArcInto(g, e, v)];
            }

            var fraction = Math.Min(y, 1 - y);
            if (fraction <= 1e-6)
            {
                if (y > 0.5 && fallback < 0)
                {
                    fallback = v;
                }

                continue;
            }

            // Insertion into the short list, kept sorted by score (descending), then id.
            var at = count < StrongCandidates ? count++ : StrongCandidates;
            while (at > 0 && _candidateScore[at - 1] < fraction)
            {
                if (at < StrongCandidates)
                {
                    _candidates[at] = _candidates[at - 1];
                    _candidateScore[at] = _candidateScore[at - 1];
                }

                at--;
            }

            if (at < StrongCandidates)
            {
                _candidates[at] = v;
                _candidateScore[at] = fraction;
            }
        }

        if (count == 0 && (fallback >= 0 || anyUndecided >= 0))
        {
            _candidates[0] = fallback >= 0 ? fallback : anyUndecided;
            return 1;
        }

        return count;
    }
}
