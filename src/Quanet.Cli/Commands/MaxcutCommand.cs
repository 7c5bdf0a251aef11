using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Commands.Qubo;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.MaxCut;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;
using Quanet.Workflows.Solvers;
using Spectre.Console;

namespace Quanet.Cli.Commands;

/// <summary><c>quanet maxcut FILE</c>: maximum cut of a Gset / MQLib graph.</summary>
internal static class MaxcutCommand
{
    public static Command Create()
    {
        var family = SolverCatalogue.MaxCut;
        var file = new Argument<FileInfo>("file") { Description = "Graph in Gset / MQLib form: 'n m' then 'i j w' per edge, 1-based" }.MustExist();
        var solver = new Option<string>("--solver") { Description = "Solver" }.SolverOf(family);
        var time = CommonOptions.TimeLimit(family.DefaultSeconds).MustBeNonNegative();
        var seed = CommonOptions.Seed();
        var target = new Option<double?>("--target") { Description = "Stop as soon as a cut of at least this weight is found" }
            .Must(v => v is not { } x || double.IsFinite(x), "must be a finite cut weight");
        var json = CommonOptions.Json();
        var command = new Command("maxcut", "Maximum cut of a weighted graph (Gset / MQLib) through its Ising model");
        command.Arguments.Add(file);
        command.Options.Add(solver);
        command.Options.Add(time);
        command.Options.Add(seed);
        command.Options.Add(target);
        command.Options.Add(json);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var entry = family.Get(ctx.Get(solver)!);
            var name = entry.Name;
            var path = ctx.Get(file)!.FullName;
            var graph = GsetFormat.Read(path);
            var options = new SamplerOptions { Seed = ctx.Get(seed), TimeLimit = SolveRunner.Limit(ctx.Get(time)) };
            if (ctx.Get(target) is { } cut)
            {
                options = options with { TargetEnergy = MaxCutSolver.EnergyFromCut(graph, cut) };
            }

            var model = graph.ToMaxCutIsing();
            var result = await SolveRunner.RunAsync(ctx, name, (o, c) => QuboSolving.Solve(entry, model, o, c).Samples, options, ctx.Get(json), ct);
            var sides = BinaryQuadraticModel.ConvertState(result.Best.State, model.Vartype, Vartype.Spin);
            var value = graph.CutValue(sides);
            var stats = result.Statistics;
            if (ctx.Get(json))
            {
                ctx.WriteJson(new
                {
                    Cut = value,
                    Seconds = stats.Elapsed.TotalSeconds,
                    Solver = name,
                    TimeToBest = stats.TimeToBest.TotalSeconds,
                    Nodes = graph.VertexCount,
                    Edges = graph.EdgeCount,
                    TotalWeight = graph.TotalWeight,
                    Reads = stats.Reads,
                    FlipAttempts = stats.FlipAttempts,
                    ReachedTarget = stats.ReachedTarget,
                    Interrupted = stats.Interrupted,
                    Seed = options.Seed,
                    Partition = sides.Select(s => s > 0 ? 1 : 0).ToArray(),
                });
                return Exit(stats);
            }

            var table = new Table().HideHeaders().AddColumns("", "");
            table.AddRow("graph", Markup.Escape($"{Path.GetFileName(path)}: {graph.VertexCount} nodes, {graph.EdgeCount} edges, total weight {graph.TotalWeight.ToString(CultureInfo.InvariantCulture)}"));
            table.AddRow("solver", Markup.Escape(name));
            table.AddRow("cut", value.ToString(CultureInfo.InvariantCulture));
            table.AddRow("time", string.Create(CultureInfo.InvariantCulture, $"{stats.Elapsed.TotalSeconds:F2} s (best after {stats.TimeToBest.TotalSeconds:F2} s)"));
            table.AddRow("flip attempts", stats.FlipAttempts.ToString("N0", CultureInfo.InvariantCulture));
            if (stats.Interrupted)
            {
                table.AddRow("stopped", "interrupted (Ctrl+C): the best cut found until then");
            }

            ctx.Console.Write(table);
            return Exit(stats);
        });
        return command;
    }

    // an interrupted run prints its best cut but exits as cancelled, so a script can tell it from a finished run
    private static int Exit(SamplerStatistics stats) => stats.Interrupted ? ExitCodes.Cancelled : ExitCodes.Success;
}
