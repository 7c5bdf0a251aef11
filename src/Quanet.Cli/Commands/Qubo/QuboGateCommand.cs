using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Core;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qaoa.Noise;
using Quanet.Optimization.Qaoa.Routing;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;

namespace Quanet.Cli.Commands.Qubo;

/// <summary>
/// <c>quanet qubo gate FILE --route heavy-hex-127 [--depth P] [--noise p1,p2] [--trajectories N] [--qasm3 OUT [--basis ibm]]</c>:
/// gate-model readiness of the model's QAOA: circuit size before and after SABRE routing, and the expected
/// energy with and without per-gate depolarising noise at each depth 1..P.
/// </summary>
internal static class QuboGateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = $"Model file (at most {MaxVariables} variables)" }.MustExist();
        var format = QuboFormatOption.Create("--format", "Input format; default from the extension");
        var route = new Option<string>("--route") { Description = "Coupling map: heavy-hex-127 (IBM Eagle), heavy-hex:RxW, grid:RxC or line:N", DefaultValueFactory = _ => "heavy-hex-127" }
            .Must(t => CouplingMap.TryParse(t ?? "", out _) is not null, "must be heavy-hex-127, heavy-hex:RxW, grid:RxC or line:N");
        var depth = new Option<int>("--depth") { Description = "Largest QAOA depth P (every p = 1..P is reported)", DefaultValueFactory = _ => 3 }.MustBeAtLeast(1);
        var noise = new Option<string?>("--noise") { Description = "Depolarising error probabilities p1,p2 per one- and two-qubit gate, e.g. 0.001,0.01" }
            .Must(t => t is null || DepolarizingNoise.TryParse(t, out _), "must be two probabilities p1,p2 in [0, 1]");
        var trajectories = new Option<int>("--trajectories") { Description = "Monte Carlo trajectories per noisy estimate", DefaultValueFactory = _ => 200 }.MustBeAtLeast(1);
        var qasm = new Option<FileInfo?>("--qasm3") { Description = "Write the routed circuit of the largest depth as OpenQASM 3 on physical qubits" };
        var basis = new Option<string>("--basis") { Description = "Gate basis of --qasm3: standard {h, rx, rz, cx} or ibm {rz, sx, cx}", DefaultValueFactory = _ => "standard" }
            .MustBeOneOf("standard", "ibm");
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("gate", "QAOA on a gate-model device: SABRE routing onto a coupling map, gate counts, depth, noisy energies");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { format, route, depth, noise, trajectories, qasm, basis, seed, json })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var inPath = ctx.Get(file)!.FullName;
            var model = QuboFormats.Read(inPath, QuboFormatOption.Resolve(ctx.Get(format), inPath));
            if (model.VariableCount > MaxVariables)
            {
                throw new QuanetException($"{Path.GetFileName(inPath)} has {model.VariableCount} variables; the gate-model simulation takes at most {MaxVariables}");
            }

            var map = CouplingMap.TryParse(ctx.Get(route)!, out _)!;
            DepolarizingNoise.TryParse(ctx.Get(noise), out var errors);
            var analysis = new QaoaGateAnalysis { Map = map, Noise = errors, Trajectories = ctx.Get(trajectories), Seed = ctx.Get(seed) };
            var reports = await Task.Run(() =>
            {
                var levels = new QaoaSampler { Depth = ctx.Get(depth) }.OptimizeAnglesPerDepth(model, new SamplerOptions { Seed = ctx.Get(seed) }, ct);
                return analysis.Run(model, levels, ct);
            }, ct);
            var deepest = reports[^1];
            var qasmPath = ctx.Get(qasm)?.FullName;
            if (qasmPath is not null)
            {
                await File.WriteAllTextAsync(qasmPath, PhysicalOpenQasm.Write(deepest.Routed, map.Name, ctx.Get(basis) == "ibm" ? QasmBasis.Ibm : QasmBasis.Standard), ct);
            }

            if (ctx.Get(json))
            {
                ctx.WriteJson(new
                {
                    Map = map.Name,
                    PhysicalQubits = map.QubitCount,
                    Variables = model.VariableCount,
                    MinimumEnergy = deepest.Angles.MinimumCost,
                    Noise = new { P1 = errors.OneQubit, P2 = errors.TwoQubit },
                    Trajectories = analysis.Trajectories,
                    Depths = reports.Select(Row),
                    deepest.Routed.InitialLayout,
                    deepest.Routed.FinalLayout,
                    Qasm3 = qasmPath,
                });
                return ExitCodes.Success;
            }

            var c = CultureInfo.InvariantCulture;
            ctx.Output.WriteLine(string.Create(c, $"{model.VariableCount} variables on {map.Name} ({map.QubitCount} qubits), minimum energy {deepest.Angles.MinimumCost:G8}; noise p1={errors.OneQubit:G3} p2={errors.TwoQubit:G3}, {analysis.Trajectories} trajectories"));
            ctx.Output.WriteLine("| p | cx before | depth before | cx after | depth after | swaps | greedy swaps | <H> noiseless | <H> noisy routed | <H> noisy unrouted |");
            ctx.Output.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var r in reports)
            {
                ctx.Output.WriteLine(string.Create(c,
                    $"| {r.Depth} | {r.LogicalTwoQubitGates} | {r.LogicalCircuitDepth} | {r.Routed.TwoQubitGateCount} | {r.Routed.Depth} | {r.Routed.SwapCount} | {r.Baseline.SwapCount} | {r.NoiselessEnergy:G6} | {Show(r.NoisyEnergy)} | {Show(r.NoisyLogicalEnergy)} |"));
            }

            if (qasmPath is not null)
            {
                ctx.Output.WriteLine($"routed circuit (p = {deepest.Depth}) written to {Path.GetFileName(qasmPath)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private const int MaxVariables = 20;

    private static object Row(QaoaDepthReport r) => new
    {
        P = r.Depth,
        r.Angles.Gammas,
        r.Angles.Betas,
        TwoQubitGatesLogical = r.LogicalTwoQubitGates,
        DepthLogical = r.LogicalCircuitDepth,
        TwoQubitGates = r.Routed.TwoQubitGateCount,
        Depth = r.Routed.Depth,
        Swaps = r.Routed.SwapCount,
        Baseline = new { Router = r.Baseline.Router, TwoQubitGates = r.Baseline.TwoQubitGateCount, Depth = r.Baseline.Depth, Swaps = r.Baseline.SwapCount },
        NoiselessEnergy = r.NoiselessEnergy,
        NoisyEnergy = r.NoisyEnergy?.Mean,
        NoisyStderr = r.NoisyEnergy?.StandardError,
        NoisyUnroutedEnergy = r.NoisyLogicalEnergy?.Mean,
        r.ActiveQubits,
        r.ValidatorProblems,
    };

    private static string Show(NoisyEstimate? e) =>
        e is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.Mean:G6} ± {v.StandardError:G2}") : "-";
}
