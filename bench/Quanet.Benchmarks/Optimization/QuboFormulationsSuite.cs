using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Steiner;
using Quanet.Benchmarks.Suites;
using Quanet.Optimization.Qubo.Constraints;
using Quanet.Optimization.Steiner;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Formulations;

namespace Quanet.Benchmarks.Optimization;

/// <summary>
/// <c>qubo-formulations [--reads N] [--sweeps N] [--seed N] [--setcover scp51,scp61] [--steiner instance001,instance009]</c>:
/// the QUBO formulations (slack, unbalanced, equality) of the default plan, OR-Library set covers and PACE Steiner
/// instances side by side: variables, couplers, density, feasibility rate of the same SA budget and seed, best decoded
/// objective against the optimum (optima.csv, CP-SAT or the exact Steiner solver).
/// </summary>
public sealed class QuboFormulationsSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "qubo-formulations";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var sampling = new FormulationSampling { Reads = 20, Sweeps = 100, Threads = 0 };
        string[] setcover = ["scp51", "scp61"];
        string[] steiner = ["instance001", "instance009"];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            switch (args[i])
            {
                case "--reads": sampling = sampling with { Reads = int.Parse(v, CultureInfo.InvariantCulture) }; break;
                case "--sweeps": sampling = sampling with { Sweeps = int.Parse(v, CultureInfo.InvariantCulture) }; break;
                case "--seed": sampling = sampling with { Seed = int.Parse(v, CultureInfo.InvariantCulture) }; break;
                case "--setcover": setcover = v.Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--steiner": steiner = v.Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        var shared = Path.Combine(PaceSuite.FindShared(), "benchmarks");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SA budget for every row: {sampling.Reads} reads x {sampling.Sweeps} sweeps, seed {sampling.Seed}"));
        Console.WriteLine();
        Console.WriteLine("| instance | problem | formulation | variables | slack | couplers | density | feasible reads | optimal reads | best | optimum | gap % | s |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

        var (instance, goal) = FormulationStudies.PlanInstance(new PlanRequest());
        Print("default plan", () => FormulationStudies.Placement(instance, goal, FormulationStudies.All, sampling, null, TimeSpan.FromSeconds(60)));

        var optima = ReadOptima(Path.Combine(shared, "setcover", "optima.csv"));
        foreach (var name in setcover)
        {
            var path = Path.Combine(shared, "setcover", name + ".txt");
            if (!File.Exists(path))
            {
                Console.WriteLine($"| {name} | skipped: {path} is absent |");
                continue;
            }

            var cover = BeasleySetCoverReader.Read(path);
            Print(name, () => FormulationStudies.Placement(cover, new PlacementGoal { Kind = PlacementKind.SetCover }, FormulationStudies.All, sampling, optima.GetValueOrDefault(name), TimeSpan.FromSeconds(60)));
        }

        foreach (var name in steiner)
        {
            var path = Path.Combine(shared, "steiner", "pace2018-track1-public", name + ".gr");
            if (!File.Exists(path))
            {
                Console.WriteLine($"| {name} | skipped: {path} is absent |");
                continue;
            }

            var graph = StpReader.ReadFile(path);
            Print(name, () => FormulationStudies.Steiner(graph, sampling, null, TimeSpan.FromSeconds(60)));
        }

        return 0;
    }

    private static void Print(string name, Func<FormulationStudy> run)
    {
        var clock = Stopwatch.StartNew();
        var study = run();
        var seconds = clock.Elapsed.TotalSeconds / Math.Max(1, study.Reports.Count);
        var inv = CultureInfo.InvariantCulture;
        foreach (var r in study.Reports)
        {
            Console.WriteLine(string.Create(inv, $"| {name} | {study.Problem} | {r.Formulation} | {r.Variables} | {r.SlackVariables} | {r.Couplers} | {r.Density:G3} | {r.FeasibleReads}/{r.Reads} | {r.OptimalReads}/{r.Reads} | {r.BestObjective?.ToString("G10", inv) ?? "-"} | {r.Optimum?.ToString("G10", inv) ?? "-"} ({study.ReferenceSource}) | {(r.Gap is { } g ? (g * 100).ToString("0.##", inv) : "-")} | {seconds:0.0} |"));
        }

        foreach (var note in study.Notes)
        {
            Console.WriteLine($"| {name} | note: {note} |");
        }
    }

    private static Dictionary<string, double> ReadOptima(string path)
    {
        var optima = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return optima;
        }

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length >= 4 && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                optima[parts[0]] = value;
            }
        }

        return optima;
    }
}
