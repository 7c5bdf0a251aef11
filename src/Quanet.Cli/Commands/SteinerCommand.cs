using System.CommandLine;
using Quanet.Cli.Commands.Steiner;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Steiner;
using Quanet.Workflows.Solvers;
using Spectre.Console;

namespace Quanet.Cli.Commands;

/// <summary><c>quanet steiner FILE</c>: solve a SteinLib STP / PACE .gr Steiner tree instance.</summary>
internal static class SteinerCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Instance in SteinLib STP or PACE 2018 .gr format; several files or folders of them solve each in turn in this process (batch: one JSON line or table row per instance)",
            Arity = ArgumentArity.OneOrMore,
        }.MustExistAsFileOrFolder();
        var solver = new Option<string>("--solver") { Description = "Method" }.SolverOf(SolverCatalogue.Steiner);
        var sampler = new Option<string>("--sampler") { Description = "With --solver qubo, the QUBO sampler" }.SolverOf(SolverCatalogue.SteinerQubo);
        var export = new Option<FileInfo?>("--export-qubo")
        {
            Description = "With --solver qubo: also write the QUBO of the reduced instance (format from the extension: .json dimod, .braket.json, .coo, .qubo, .lp)",
        };
        var (subSolver, subSize, _) = HybridCliOptions.Create();
        var lp = new Option<string>("--lp")
        {
            Description = "Exact method's LP engine: glop (cut loop, then SCIP; default) or clp (Quanet's own branch-and-cut over a warm-started COIN-OR CLP, when installed; experimental)",
            DefaultValueFactory = _ => "glop",
        };
        lp.AcceptOnlyFromAmong("glop", "clp");
        var extendedStar = new Option<string>("--extended-star")
        {
            Description = "Exact method: run the extended star test (pseudo-elimination by extension) in the bound-based reduction rounds: auto (when the reduced graph has more than 40 terminals), on or off (docs/steiner.md)",
            DefaultValueFactory = _ => "auto",
        };
        extendedStar.Must(mode => mode is "auto" or "on" or "off", "must be auto, on or off");
        var noReduce = new Option<bool>("--no-reduce") { Description = "Skip the reduction tests (e.g. to see the QUBO of the whole instance)" };
        var time = CommonOptions.TimeLimit(SolverCatalogue.Steiner.DefaultSeconds).MustBePositive();
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("steiner", "Solve a Steiner tree instance (SteinLib STP / PACE .gr): reductions, heuristics, dual ascent, branch-and-cut or QUBO");
        command.Arguments.Add(files);
        command.Options.Add(solver);
        command.Options.Add(sampler);
        command.Options.Add(export);
        command.Options.Add(subSolver);
        command.Options.Add(subSize);
        command.Options.Add(lp);
        command.Options.Add(extendedStar);
        command.Options.Add(noReduce);
        command.Options.Add(time);
        command.Options.Add(seed);
        command.Options.Add(json);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var paths = ctx.Get(files)!;
            var limit = TimeSpan.FromSeconds(ctx.Get(time));
            var method = SolverCatalogue.Steiner.Get(ctx.Get(solver)!);
            var hybrid = method.Name == "qubo-hybrid";
            HybridStatistics? hybridStatistics = null;
            SteinerSolverOptions Options() => new()
            {
                Cancellation = ct,
                Method = method.Create(),
                TimeLimit = limit,
                Seed = ctx.Get(seed),
                Reduce = !ctx.Get(noReduce),
                UseClp = ctx.Get(lp) == "clp",
                ExtendedStar = ctx.Get(extendedStar) switch { "on" => true, "off" => false, _ => null },
                QuboFromStart = hybrid ? SteinerQuboSampling.Hybrid(SolverCatalogue.HybridSubSolver(ctx.Get(subSolver)!), ctx.Get(subSize), ctx.Get(seed), limit, statistics: s => hybridStatistics = s, cancellationToken: ct) : null,
                QuboSolver = SteinerQuboSampling.For(SolverCatalogue.SteinerQubo.Get(ctx.Get(sampler)!).Create(), ctx.Get(seed), limit, ct),
                QuboBuilt = ctx.Get(export) is { } exportFile ? q => QuboFormats.Write(q.Model, exportFile.FullName) : null,
            };

            if (SteinerBatch.IsBatch(paths))
            {
                return ctx.Get(export) is null
                    ? SteinerBatch.Run(ctx, SteinerBatch.Expand(paths), ctx.Get(json), Options, ct)
                    : throw new UsageException("--export-qubo takes one instance, not a batch");
            }

            var path = Path.GetFullPath(paths[0]);
            var graph = StpReader.ReadFile(paths[0]);

            // Ctrl+C ends the solve like its time limit: the best tree so far is printed, marked interrupted
            var solution = await LongRun.RunAsync(ctx, $"steiner {method.Name}: {graph.NodeCount} nodes, {graph.TerminalCount} terminals", limit, ctx.Get(json), _ => SteinerSolver.Solve(graph, Options()), CancellationToken.None);

            // The solver already checked the tree; check again here so nothing unchecked is ever printed.
            var cost = SteinerTreeValidator.Validate(graph, [.. solution.Edges]);
            var report = SteinerReport.From(Path.GetFileName(path), graph, solution, cost);
            if (hybrid)
            {
                report = report with { Solver = method.Name, Hybrid = hybridStatistics };
            }

            var exit = report.Interrupted ? ExitCodes.Cancelled : ExitCodes.Success;
            if (ctx.Get(json))
            {
                ctx.WriteJson(report);
                return exit;
            }

            var table = new Table().AddColumns("", "value");
            table.AddRow("instance", Markup.Escape(report.Instance));
            table.AddRow("nodes / edges / terminals", $"{graph.NodeCount} / {graph.EdgeCount} / {graph.TerminalCount}");
            table.AddRow("after reductions", $"{report.Reduction.Nodes} / {report.Reduction.Edges} / {report.Reduction.Terminals}");
            table.AddRow("solver", report.Solver);
            table.AddRow("cost", report.Cost.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("lower bound", report.LowerBound.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("optimal", report.Optimal ? "yes" : $"no (gap {report.GapPercent:0.###}%)");
            table.AddRow("tree edges", report.Edges.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (report.QuboVariables is { } vars)
            {
                table.AddRow("QUBO variables", vars.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (report.LpEngine is { } engine)
            {
                table.AddRow("LP engine / nodes", $"{engine} / {report.Nodes}");
            }

            table.AddRow("time", $"{report.Seconds:0.00} s");
            if (report.Interrupted)
            {
                table.AddRow("stopped", "interrupted (Ctrl+C): the best tree found until then");
            }

            ctx.Console.Write(table);
            return exit;
        });
        return command;
    }
}
