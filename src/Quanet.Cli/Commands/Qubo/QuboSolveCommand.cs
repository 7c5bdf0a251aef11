using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Exact;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;
using Spectre.Console;

namespace Quanet.Cli.Commands.Qubo;

/// <summary><c>quanet qubo solve FILE</c>: minimise a QUBO / Ising model read from a file.</summary>
internal static class QuboSolveCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Model file (gset/mqlib .txt, dimod .json, .coo, qbsolv .qubo, CPLEX .lp)" };
        var format = new Option<string?>("--format") { Description = "Input format (gset, mqlib, dimod, coo, qbsolv, lp); default from the extension" };
        var solver = SolverOptions.Solver("tabu");
        var time = CommonOptions.TimeLimit(0);
        time.Description = "Time limit in seconds; 0 = no limit (each sampler runs its fixed budget; exact runs to optimality)";
        var seed = CommonOptions.Seed();
        var reads = new Option<int>("--reads") { Description = "Independent reads, run in parallel (0 = one per core)", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var command = new Command("solve", "Minimise a QUBO / Ising model and print the best state");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(solver);
        command.Options.Add(time);
        command.Options.Add(seed);
        command.Options.Add(reads);
        command.Options.Add(json);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var readCount = ctx.Get(reads);
            if (readCount < 0)
            {
                throw new UsageException($"--reads must be >= 0, got {readCount}");
            }

            var name = ctx.Get(solver)!;
            var sampler = SolverOptions.Create(name);
            var path = ctx.Get(file)!.FullName;
            var model = QuboFormats.Read(path, ctx.Get(format) is { } f ? QuboFormats.ParseName(f) : null);
            var options = new SamplerOptions { Seed = ctx.Get(seed), TimeLimit = SolverOptions.Time(ctx.Get(time)), Reads = readCount };
            CpSatResult? certificate = null;
            SampleSet result;
            if (sampler is ExactSolver && model.VariableCount > ExhaustiveSolver.MaxVariables)
            {
                certificate = await Task.Run(() => new CpSatSolver().Solve(model, options, ct), ct);
                result = new SampleSet(model.Vartype, [certificate.Best], certificate.Statistics);
            }
            else
            {
                result = await SolveRunner.RunAsync(ctx, sampler, model, options, ctx.Get(json), ct);
            }

            var best = result.Best;
            var stats = result.Statistics;
            var state = new Dictionary<string, int>(model.VariableCount, StringComparer.Ordinal);
            for (var i = 0; i < model.VariableCount; i++)
            {
                state[model.Labels[i]] = best.State[i];
            }

            var provenOptimal = certificate?.ProvenOptimal ?? (name == "exact" && !stats.TimedOut);
            if (ctx.Get(json))
            {
                ctx.WriteJson(new
                {
                    Solver = name,
                    Sampler = stats.Sampler,
                    Vartype = model.Vartype,
                    Variables = model.VariableCount,
                    Interactions = model.InteractionCount,
                    Energy = best.Energy,
                    Seconds = stats.Elapsed.TotalSeconds,
                    TimeToBest = stats.TimeToBest.TotalSeconds,
                    Reads = stats.Reads,
                    FlipAttempts = stats.FlipAttempts,
                    TimedOut = stats.TimedOut,
                    DistinctSamples = result.Samples.Count,
                    ProvenOptimal = provenOptimal,
                    LowerBound = certificate?.LowerBound,
                    Tolerance = certificate?.Tolerance,
                    State = state,
                });
                return ExitCodes.Success;
            }

            var table = new Table().HideHeaders().AddColumns("", "");
            table.AddRow("model", Markup.Escape($"{Path.GetFileName(path)}: {model.VariableCount} {model.Vartype.ToString().ToLowerInvariant()} variables, {model.InteractionCount} interactions"));
            table.AddRow("solver", Markup.Escape(name == stats.Sampler ? name : $"{name} ({stats.Sampler})"));
            table.AddRow("best energy", best.Energy.ToString("G12", CultureInfo.InvariantCulture));
            if (certificate is not null)
            {
                table.AddRow("lower bound", certificate.LowerBound.ToString("G12", CultureInfo.InvariantCulture));
            }

            table.AddRow("proven optimal", provenOptimal ? "yes" : "no");
            table.AddRow("time", string.Create(CultureInfo.InvariantCulture, $"{stats.Elapsed.TotalSeconds:F2} s (best after {stats.TimeToBest.TotalSeconds:F2} s)"));
            table.AddRow("reads", string.Create(CultureInfo.InvariantCulture, $"{stats.Reads} ({result.Samples.Count} distinct states, {stats.FlipAttempts:N0} flip attempts)"));
            ctx.Console.Write(table);
            ctx.Output.WriteLine(model.VariableCount <= 64
                ? "state: " + string.Join(' ', state.Select(p => $"{p.Key}={p.Value}"))
                : "state: " + string.Concat(best.State.ToArray().Select(v => v > 0 ? '1' : '0')));
            return ExitCodes.Success;
        });
        return command;
    }
}
