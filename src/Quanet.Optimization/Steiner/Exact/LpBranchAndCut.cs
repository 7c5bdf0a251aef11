using Quanet.Optimization.Steiner.Heuristics;
using Quanet.Optimization.Steiner.Lp;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Branch-and-cut of our own on the directed cut formulation (<see cref="CutModel"/>'s rows and costs) over
/// a warm-started LP (<see cref="IWarmLp"/>): at every node Steiner cuts are separated by maximum flow and
/// added to the same LP, cuts slack for several rounds leave it for a pool, and the dual simplex resumes from
/// the last basis. Nodes use reduced-cost fixing against the incumbent, an LP-guided shortest-path heuristic
/// with local search, and strong branching on vertices (in: the vertex becomes a terminal; out: its arcs are
/// fixed to 0). Nodes are taken best bound first, with depth-first dives. The search has no wall-clock
/// decision but the deadline, so the same input gives the same tree; the lower bound returned is the least
/// bound of the open nodes at the stop.
/// </summary>
internal sealed partial class LpBranchAndCut : IDisposable
{
    /// <summary>Nodes a dive may take before the best-bound node is taken again.</summary>
    private const int DiveLength = 8;

    private readonly SteinerGraph _g;
    private readonly CutModel _model;
    private readonly bool[] _usable;
    private readonly int _root;
    private readonly bool _rootIsLeaf;
    private readonly TimeProvider _time;
    private readonly long _deadline;
    private readonly IWarmLp _lp;
    private readonly int[] _colOf;
    private readonly int[] _arcOf;
    private readonly double[] _value;
    private readonly LocalSearch _search;
    private int[] _bestEdges;
    private long _bestCost;
    private readonly List<BranchNode> _children = [];
    private long _nextId;

    public LpBranchAndCut(SteinerGraph g, CutModel model, bool[] usable, int root, bool rootIsLeaf, int[] incumbent, long incumbentCost, TimeProvider time, long deadline)
    {
        _g = g;
        _model = model;
        _usable = usable;
        _root = root;
        _rootIsLeaf = rootIsLeaf;
        _time = time;
        _deadline = deadline;
        _bestEdges = incumbent;
        _bestCost = incumbentCost;
        _colOf = new int[usable.Length];
        var columns = 0;
        for (var a = 0; a < usable.Length; a++)
        {
            _colOf[a] = usable[a] ? columns++ : -1;
        }

        _arcOf = new int[columns];
        var objective = new double[columns];
        var lower = new double[columns];
        var upper = new double[columns];
        for (var a = 0; a < usable.Length; a++)
        {
            if (_colOf[a] >= 0)
            {
                _arcOf[_colOf[a]] = a;
                objective[_colOf[a]] = model.ArcCost(a);
                upper[_colOf[a]] = 1.0;
            }
        }

        _globalUpper = upper.ToArray();
        _nodeUpper = upper.ToArray();
        _value = new double[usable.Length];
        _forcedIn = new bool[g.NodeCount];
        _forcedOut = new bool[g.NodeCount];
        _inRow = new int[g.NodeCount];
        _flow = new MaxFlow(g);
        _capacity = new double[usable.Length];
        _side = new bool[g.NodeCount];
        _search = new LocalSearch(g);
        _lp = new ClpLp(objective, lower, upper);
        _baseRows = AddBaseRows();
    }

    /// <summary>Nodes processed.</summary>
    public int Nodes { get; private set; }

    /// <summary>Cuts separated (pool and LP).</summary>
    public int CutCount => _cutArcs.Count;

    /// <summary>Arcs fixed to 0 for the whole search by reduced-cost fixing at the root.</summary>
    public int RootFixed { get; private set; }

    /// <summary>Where the time went (timestamps of the clock given), for the bench and the report; never read by the search.</summary>
    public LpBranchAndCutProfile Profile { get; } = new();

    /// <summary>Whether the root's first LP is solved by CLP's initial solve (see <see cref="ClpLp.InitialSolve"/>).</summary>
    public bool InitialSolve
    {
        get => (_lp as ClpLp)?.InitialSolve ?? false;
        init => ((ClpLp)_lp).InitialSolve = value;
    }

    /// <summary>LP solves after which the search stops as at its deadline (a work limit for measurements).</summary>
    public int RoundBudget { get; init; } = int.MaxValue;

    /// <summary>Simplex iterations over all solves.</summary>
    public long Iterations { get; private set; }

    private bool Expired() => _time.GetTimestamp() >= _deadline;

    /// <summary>Runs the search from the root bound <paramref name="rootBound"/> seeded with <paramref name="seedCuts"/>; returns the tree and the proven bound.</summary>
    public (int[] Edges, long Cost, long LowerBound) Run(long rootBound, IReadOnlyList<int[]> seedCuts)
    {
        foreach (var cut in seedCuts)
        {
            StoreCut(cut, -1);
        }

        FlushRows();
        var open = new PriorityQueue<BranchNode, (long Bound, int Depth, long Id)>();
        BranchNode? current = new(rootBound, 0, _nextId++, [], []);
        var dive = 0;
        while (true)
        {
            if (current is null)
            {
                if (!open.TryDequeue(out current, out _) || current.Bound >= _bestCost)
                {
                    current = null;
                    break;
                }

                dive = 0;
            }

            if (Expired())
            {
                break;
            }

            var outcome = Process(current, _children, out var bound);
            var children = _children;
            if (outcome == NodeOutcome.Stopped)
            {
                // Interrupted by the deadline or by LP trouble: the node stays open with the bound it reached.
                current = current with { Bound = bound };
                break;
            }

            current = null;
            if (children.Count == 0)
            {
                continue;
            }

            // Dive into the child of least bound (ties: the first, the "in" child); the other waits.
            var next = children.Count == 2 && children[1].Bound < children[0].Bound ? children[1] : children[0];
            foreach (var child in children)
            {
                if (child != next && child.Bound < _bestCost)
                {
                    open.Enqueue(child, Key(child));
                }
            }

            if (next.Bound < _bestCost && ++dive <= DiveLength)
            {
                current = next;
            }
            else if (next.Bound < _bestCost)
            {
                open.Enqueue(next, Key(next));
            }
        }

        var lowerBound = _bestCost;
        if (current is not null)
        {
            lowerBound = Math.Min(lowerBound, current.Bound);
        }

        if (open.TryPeek(out _, out var least))
        {
            lowerBound = Math.Min(lowerBound, least.Bound);
        }

        return (_bestEdges, _bestCost, lowerBound);
    }

    private static (long, int, long) Key(BranchNode n) => (n.Bound, -n.Depth, n.Id);

    public void Dispose() => _lp.Dispose();
}
