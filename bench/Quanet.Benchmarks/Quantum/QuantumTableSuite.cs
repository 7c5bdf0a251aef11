using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Optimization.Hardware;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Solvers;

namespace Quanet.Benchmarks.Quantum;

/// <summary>
/// The honest quantum-vs-classical table (issue 17, item 6): <c>plan --solver compare</c> on the default plan (or
/// <c>--admin1 CODE --sites N</c>), every row with its objective, gap to the best proven bound, wall and process CPU
/// time, and what its model needs on hardware (QUBO variables, physical qubits on Pegasus P16 and Zephyr Z15, one
/// QAOA layer routed onto IBM's 127-qubit heavy-hex), as one markdown table.
/// <c>quantum-table [--time 30] [--seed 1] [--admin1 02] [--sites 60] [--solvers a,b]</c>.
/// </summary>
public sealed class QuantumTableSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "quantum-table";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var seconds = double.Parse(Option(args, "--time", "30"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed", "1"), CultureInfo.InvariantCulture);
        var request = new PlanRequest();
        var admin1 = Option(args, "--admin1", "");
        if (admin1.Length > 0)
        {
            request = request with { Admin1 = admin1 };
        }

        var sites = Option(args, "--sites", "");
        if (sites.Length > 0)
        {
            request = request with { Goal = request.Goal with { MaxSites = int.Parse(sites, CultureInfo.InvariantCulture) } };
        }

        var only = Option(args, "--solvers", "");
        var solvers = SolverCatalogue.Placement.Resolve(SolverCatalogue.Compare)
            .Where(s => only.Length == 0 || only.Split(',').Contains(s.Name, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var scenario = ScenarioBuilder.Build(request, TimeProvider.System);
        var options = new PlacementOptions { Seed = seed, TimeLimit = TimeSpan.FromSeconds(seconds) };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Region.Name}: {scenario.Instance.SiteCount:N0} candidates, {scenario.Instance.DemandCount:N0} demand points; {seconds} s per solver, seed {seed}, {Environment.ProcessorCount} cores"));
        var wall = Stopwatch.StartNew();
        var started = Process.GetCurrentProcess().TotalProcessorTime;
        var plan = Planner.Solve(scenario, solvers, options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole run {wall.Elapsed.TotalSeconds:0} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - started).TotalSeconds:0} s CPU (footprints included)"));
        Console.WriteLine();
        Console.WriteLine("| solver | objective | gap to best bound | proven | time s | QUBO variables | couplers | Pegasus P16 qubits (longest chain) | Zephyr Z15 qubits (longest chain) | QAOA p=1 on heavy-hex 127: CX / depth |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in plan.Results)
        {
            Console.WriteLine(Row(row));
        }

        return 0;
    }

    private static string Row(PlacementComparison row)
    {
        if (row.Result is not { } r)
        {
            return $"| {row.Solver} | skipped: {row.Skipped} | | | | | | | | |";
        }

        var f = row.Footprint;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {r.Solver} | {r.Objective:N0}{(r.Feasible ? "" : " (infeasible)")} | {(row.GapToBestBound is { } g ? g.ToString("P2", CultureInfo.InvariantCulture) : "-")} | {(r.Optimal ? "yes" : "no")} | {r.Elapsed.TotalSeconds:0.0} | ")
            + (f is null
                ? "- | - | - | - | - |"
                : string.Create(CultureInfo.InvariantCulture, $"{f.LogicalVariables:N0} | {f.Couplers:N0} | {Embedding(f.Pegasus)} | {Embedding(f.Zephyr)} | {Routing(f.Routed)} |"));
    }

    private static string Embedding(EmbeddingFigure e) =>
        e.PhysicalQubits is { } q ? string.Create(CultureInfo.InvariantCulture, $"{q:N0} ({e.MaxChainLength}{(e.Method == "native clique" ? ", native clique" : "")})") : "none: " + e.Reason;

    private static string Routing(RoutingFigure r) =>
        r.TwoQubitGates is { } cx ? string.Create(CultureInfo.InvariantCulture, $"{cx:N0} / {r.Depth:N0}") : "none: " + r.Reason;

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
