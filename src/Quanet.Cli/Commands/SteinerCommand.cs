using System.CommandLine;
using Quanet.Cli.Commands.Steiner;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Steiner;
using Spectre.Console;

namespace Quanet.Cli.Commands;

/// <summary><c>quanet steiner FILE</c>: solve a SteinLib STP / PACE .gr Steiner tree instance.</summary>
internal static class SteinerCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Instance in SteinLib STP or PACE 2018 .gr format" };
        var solver = new Option<string>("--solver")
        {
            Description = "exact (proven optimum or gap), heuristic (local search) or qubo (QUBO formulation, small instances)",
            DefaultValueFactory = _ => "exact",
        };
        solver.AcceptOnlyFromAmong("exact", "heuristic", "qubo");
        var time = CommonOptions.TimeLimit(60);
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("steiner", "Solve a Steiner tree instance (SteinLib STP / PACE .gr): reductions, heuristics, dual ascent, branch-and-cut or QUBO");
        command.Arguments.Add(file);
        command.Options.Add(solver);
        command.Options.Add(time);
        command.Options.Add(seed);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, ct) =>
        {
            var path = ctx.Get(file)!.FullName;
            var seconds = ctx.Get(time);
            if (seconds <= 0 || double.IsNaN(seconds))
            {
                throw new UsageException($"--time must be positive, got {seconds}");
            }

            var method = ctx.Get(solver) switch
            {
                "heuristic" => SteinerMethod.Heuristic,
                "qubo" => SteinerMethod.Qubo,
                _ => SteinerMethod.Exact,
            };
            var graph = StpReader.ReadFile(ctx.Get(file)!.ToString());
            ct.ThrowIfCancellationRequested();
            var solution = SteinerSolver.Solve(graph, new SteinerSolverOptions
            {
                Method = method,
                TimeLimit = TimeSpan.FromSeconds(seconds),
                Seed = ctx.Get(seed),
            });

            // The solver already checked the tree; check again here so nothing unchecked is ever printed.
            var cost = SteinerTreeValidator.Validate(graph, [.. solution.Edges]);
            var report = SteinerReport.From(Path.GetFileName(path), graph, solution, cost);
            if (ctx.Get(json))
            {
                ctx.WriteJson(report);
                return ExitCodes.Success;
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

            table.AddRow("time", $"{report.Seconds:0.00} s");
            ctx.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
