using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;
using Quanet.Optimization.Steiner.Reductions;

namespace Quanet.Benchmarks.Steiner;

/// <summary>
/// The root cutting-plane loop with the two LP engines on PACE 2018 track 1 instances, for the same number of
/// rounds (a work limit, so the load of the machine does not change what is measured): GLOP rebuilt from the
/// model at every round (the fallback path of <see cref="BranchAndCutSolver"/>) against CLP kept warm between
/// rounds (<see cref="LpBranchAndCut"/>). Both start from the same reduction, heuristic tree, dual ascent and
/// seed cuts. Prints per engine the LP time (wall), the process CPU seconds and the bound reached. Usage:
/// <c>pace-lp [--dir DIR] [--rounds 8] [--only instance137,instance171,instance187]</c>.
/// </summary>
public sealed class PaceLpSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "pace-lp";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var dir = Path.Combine(PaceSuite.FindShared(), "benchmarks", "steiner", "pace2018-track1-public");
        var rounds = 8;
        string[] only = ["instance137", "instance171", "instance187"];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            switch (args[i])
            {
                case "--dir": dir = v; break;
                case "--rounds": rounds = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--only": only = v.Split(','); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        Console.WriteLine("| instance | reduced n/m | rounds | GLOP LP s | GLOP CPU s | GLOP bound | CLP LP s | CLP CPU s | CLP bound | CLP pivots |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var name in only)
        {
            var g = SteinerReducer.Reduce(StpReader.ReadFile(Path.Combine(dir, name + ".gr"))).Graph;
            var (edges, cost) = SteinerHeuristic.Solve(g, 1, () => false, maxStarts: 10);
            var leaf = LeafTerminals.Find(g);
            var root = BranchAndCutSolver.ChooseRoot(g, leaf);
            var cuts = new List<int[]>();
            var dual = DualAscent.Run(g, root, () => false, BranchAndCutSolver.LeafArcs(g, leaf, root), cuts, 400_000);
            var usable = ReducedCostFixing.UsableArcs(g, dual, cost, out _);

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var glopModel = new CutModel(g, usable, root, leaf[root]);
            glopModel.AddCuts(cuts);
            var (glopBound, glopLp) = BranchAndCutSolver.GlopRounds(g, glopModel, rounds, dual.LowerBound);
            var glopCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            using var search = new LpBranchAndCut(g, new CutModel(g, usable, root, leaf[root]), usable, root, leaf[root], edges, cost, TimeProvider.System, long.MaxValue) { RoundBudget = rounds };
            var (_, _, clpBound) = search.Run(dual.LowerBound, cuts);
            var clpCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var clpLp = search.Profile.Lp / (double)TimeProvider.System.TimestampFrequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {g.NodeCount}/{g.EdgeCount} | {rounds} | {glopLp:0.00} | {glopCpu:0.00} | {glopBound} | {clpLp:0.00} | {clpCpu:0.00} | {clpBound} | {search.Iterations} |"));
        }

        return 0;
    }
}
