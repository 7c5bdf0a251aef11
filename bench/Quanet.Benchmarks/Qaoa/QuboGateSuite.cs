using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qaoa.Noise;
using Quanet.Optimization.Qaoa.Routing;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Benchmarks.Qaoa;

/// <summary>
/// Gate-model readiness of QAOA on IBM's 127-qubit Eagle: for random QUBOs and subproblems of the default plan's
/// QUBO of each size, the circuit's CNOTs and depth before and after routing by SABRE and by the greedy baseline
/// (same run), routing time, and for the small sizes the expected energy without and with depolarising noise
/// per depth p (angles optimised noiselessly).
/// <c>qubo-gate [--sizes 8,12,16,20] [--depth 3] [--noisy-max 12] [--trajectories 100] [--seed 1] [--plan-sites 300] [--no-plan]</c>.
/// </summary>
public sealed class QuboGateSuite : ISuite
{
    private static readonly double[] TwoQubitErrors = [1e-2, 5e-3, 1e-3];

    /// <inheritdoc />
    public string Name => "qubo-gate";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var sizes = Option(args, "--sizes", "8,12,16,20").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var depth = int.Parse(Option(args, "--depth", "3"), CultureInfo.InvariantCulture);
        var noisyMax = int.Parse(Option(args, "--noisy-max", "12"), CultureInfo.InvariantCulture);
        var trajectories = int.Parse(Option(args, "--trajectories", "100"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed", "1"), CultureInfo.InvariantCulture);
        var instances = new List<(string Name, BinaryQuadraticModel Model)>();
        foreach (var n in sizes)
        {
            instances.Add(($"random-{n}", GateInstances.Random(n, seed + n)));
        }

        if (!args.Contains("--no-plan"))
        {
            var (plan, incumbent, description) = GateInstances.DefaultPlanWindow(int.Parse(Option(args, "--plan-sites", "300"), CultureInfo.InvariantCulture), seed);
            Console.WriteLine(description + "; each subproblem clamps the other variables to a seeded SA state");
            for (var k = 0; k < sizes.Length; k++)
            {
                instances.Add(($"plan-sub-{sizes[k]}", GateInstances.Subproblem(plan, incumbent, sizes[k], k)));
            }
        }

        var eagle = CouplingMap.Eagle127();
        Console.WriteLine();
        Console.WriteLine("| instance | n | couplings | p | cx before | depth before | SABRE cx | SABRE depth | SABRE swaps | SABRE ms | greedy cx | greedy depth | greedy swaps | greedy ms | valid |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, model) in instances)
        {
            for (var p = 1; p <= depth; p++)
            {
                var angles = Enumerable.Repeat(0.1, p).ToArray();
                var logical = QaoaCircuit.Build(model, angles, angles);
                var clock = Stopwatch.StartNew();
                var sabre = SabreRouter.Route(logical, eagle, seed);
                var sabreMs = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var greedy = GreedyRouter.Route(logical, eagle);
                var greedyMs = clock.Elapsed.TotalMilliseconds;
                var valid = RoutingValidator.Problems(logical, sabre, eagle).Count + RoutingValidator.Problems(logical, greedy, eagle).Count == 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {model.VariableCount} | {model.InteractionCount} | {p} | {logical.TwoQubitGateCount} | {logical.Depth} | {sabre.TwoQubitGateCount} | {sabre.Depth} | {sabre.SwapCount} | {sabreMs:F0} | {greedy.TwoQubitGateCount} | {greedy.Depth} | {greedy.SwapCount} | {greedyMs:F0} | {(valid ? "yes" : "NO")} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Noisy expected energy (SABRE-routed on Eagle, p1 = p2/10, {trajectories} trajectories, ± one standard error); min = exact minimum, mixed = mean over all states (the fully depolarised limit).");
        Console.WriteLine();
        Console.WriteLine("| instance | n | min | mixed | p | swaps | noiseless | p2=1e-2 | p2=5e-3 | p2=1e-3 | unrouted p2=1e-2 | s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, model) in instances.Where(i => i.Model.VariableCount <= noisyMax))
        {
            var clock = Stopwatch.StartNew();
            var levels = new QaoaSampler { Depth = depth, Starts = 4, MaxEvaluations = 200 }.OptimizeAnglesPerDepth(model, new SamplerOptions { Seed = seed });
            var mixed = new QaoaStateVector(model).CostDiagonal.ToArray().Average();
            var runs = TwoQubitErrors.Select(p2 => new QaoaGateAnalysis
            {
                Map = eagle,
                Noise = new DepolarizingNoise(p2 / 10, p2),
                Trajectories = trajectories,
                Seed = seed,
                MaxSimulatedQubits = 20,
            }.Run(model, levels)).ToArray();
            for (var level = 0; level < levels.Count; level++)
            {
                var r = runs[0][level];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {model.VariableCount} | {levels[level].MinimumCost:G5} | {mixed:G5} | {r.Depth} | {r.Routed.SwapCount} | {r.NoiselessEnergy:G5} | {Show(runs[0][level].NoisyEnergy)} | {Show(runs[1][level].NoisyEnergy)} | {Show(runs[2][level].NoisyEnergy)} | {Show(r.NoisyLogicalEnergy)} | {(level == levels.Count - 1 ? clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "")} |"));
            }
        }

        return 0;
    }

    private static string Show(NoisyEstimate? e) =>
        e is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.Mean:G5} ± {v.StandardError:G2}") : "-";

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
