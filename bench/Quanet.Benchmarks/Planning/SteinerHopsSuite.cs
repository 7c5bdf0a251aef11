using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Planning.Backhaul;
using Quanet.Workflows.Plan;

namespace Quanet.Benchmarks.Planning;

/// <summary>
/// <c>steiner-hops PLAN_DIR [SECONDS]</c>: the backhaul of a plan folder (as <c>quanet backhaul PLAN_DIR --hops H</c>,
/// default PoPs) without a hop limit and for H = 2..10, each with the time limit SECONDS (default 20): cost, proven
/// bound, whether proven, the deepest site, and the design's wall and CPU time (the unlimited Steiner tree, which the
/// hop-limited design also computes for its fallback, included). Prints the markdown table of docs/steiner.md.
/// </summary>
public sealed class SteinerHopsSuite : ISuite
{
    public string Name => "steiner-hops";

    public int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: steiner-hops PLAN_DIR [SECONDS]");
            return 2;
        }

        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        Console.WriteLine("| hops | cost | bound | proven | max hops | wall s | CPU s |");
        Console.WriteLine("|---|---:|---:|:---:|---:|---:|---:|");
        foreach (int? hops in new int?[] { null, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var design = BackhaulWorkflow.Run(new BackhaulWorkflowRequest
            {
                PlanDirectory = args[0],
                Step = new BackhaulStepOptions { Design = new BackhaulOptions { HopLimit = hops, TimeLimit = TimeSpan.FromSeconds(seconds) } },
            }).Design;
            wall.Stop();
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(hops is { } h ? h.ToString(CultureInfo.InvariantCulture) : "none")} | {design.TotalCost:0.000} | {design.LowerBound:0.000} | {(design.Optimal ? "yes" : "no")} | {design.MaxHops} | {wall.Elapsed.TotalSeconds:0.00} | {used.TotalSeconds:0.00} |"));
        }

        return 0;
    }
}
