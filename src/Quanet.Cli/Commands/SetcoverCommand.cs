using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Commands.Qubo;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Planning.Placement;
using Quanet.Workflows.Solvers;

namespace Quanet.Cli.Commands;

/// <summary>
/// <c>quanet setcover FILE [--solver NAME] [--time S] [--seed N] [--json] [--export-qubo FILE]</c>:
/// solves an OR-Library (Beasley) set covering instance and prints cost, lower bound and whether optimality is proven.
/// Ctrl+C ends the solve like its time limit: the best cover so far is printed, marked interrupted, exit 130.
/// </summary>
internal static class SetcoverCommand
{
    /// <summary>The command; <paramref name="clock"/> is the solvers' clock (tests pass one they control).</summary>
    public static Command Create(TimeProvider? clock = null)
    {
        var family = SolverCatalogue.SetCover;
        var file = new Argument<FileInfo>("file") { Description = "OR-Library set covering file (Beasley format)" }.MustExist();
        var solver = new Option<string>("--solver") { Description = "Solver" }.SolverOf(family);
        var time = CommonOptions.TimeLimit(family.DefaultSeconds).MustBePositive();
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var formulation = FormulationOptions.ForSolver();
        var exportQubo = new Option<FileInfo?>("--export-qubo")
        {
            Description = "Also write the set-cover QUBO (row constraints as --formulation says) to this file: .braket.json (Amazon Braket annealing), .json (dimod BQM), .qubo (qbsolv), .coo or .lp",
        };
        var (subSolver, subSize, subproblems) = HybridCliOptions.Create();
        var command = new Command("setcover", "Solve an OR-Library set covering instance: min-cost columns covering every row");
        command.Arguments.Add(file);
        command.Options.Add(solver);
        command.Options.Add(time);
        command.Options.Add(seed);
        command.Options.Add(json);
        command.Options.Add(formulation);
        command.Options.Add(exportQubo);
        command.Options.Add(subSolver);
        command.Options.Add(subSize);
        command.Options.Add(subproblems);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var seconds = ctx.Get(time);
            var path = ctx.Get(file)!;
            var instance = BeasleySetCoverReader.Read(path.FullName);
            var goal = new PlacementGoal { Kind = PlacementKind.SetCover };
            if (ctx.Get(exportQubo) is { } export)
            {
                QuboFormats.Write(PlacementQubo.Build(instance, goal, FormulationOptions.Parse(ctx.Get(formulation)!)).Qubo.Model, export.FullName);
            }

            var entry = family.Get(ctx.Get(solver)!);
            // Ctrl+C stops the solver as its time limit would (PlacementOptions.Stop), so it returns its best cover
            var result = await LongRun.RunAsync(ctx, $"setcover {entry.Name}", TimeSpan.FromSeconds(seconds), ctx.Get(json), status =>
            {
                var progress = new Progress<PlacementProgress>(p => status.Report(p.Bound is { } b
                    ? string.Create(CultureInfo.InvariantCulture, $"cost {p.Incumbent:G10}, bound {b:G10}")
                    : string.Create(CultureInfo.InvariantCulture, $"cost {p.Incumbent:G10}")));
                var options = new PlacementOptions
                {
                    Seed = ctx.Get(seed),
                    TimeLimit = TimeSpan.FromSeconds(seconds),
                    Progress = progress,
                    Stop = ct,
                    TimeProvider = clock ?? TimeProvider.System,
                    QuboFormulation = FormulationOptions.Parse(ctx.Get(formulation)!),
                };
                var placement = entry.Name == HybridPlacementSolver.SolverName
                    ? SolverCatalogue.HybridPlacement(ctx.Get(subSolver)!, ctx.Get(subSize), ctx.Get(subproblems))
                    : entry.Create();
                return placement.Solve(instance, goal, options, CancellationToken.None);
            }, CancellationToken.None);
            var interrupted = ct.IsCancellationRequested;
            var report = new SetcoverReport(
                result.Objective,
                result.Bound,
                result.Optimal,
                result.Solver,
                result.Sites.Length,
                result.Feasible,
                result.Repaired,
                Math.Round(result.Elapsed.TotalSeconds, 3),
                interrupted,
                result.Hybrid);
            if (ctx.Get(json))
            {
                ctx.WriteJson(report);
            }
            else
            {
                var bound = report.LowerBound is { } lb ? lb.ToString("G10", CultureInfo.InvariantCulture) : "none";
                ctx.Output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{path.Name}: cost {report.Cost:G10}, lower bound {bound}, {(report.Optimal ? "optimal" : "not proven optimal")}, {report.Columns} columns, {report.Solver}, {report.Seconds:F2} s{(report.Repaired ? ", repaired from an infeasible sample" : string.Empty)}{(interrupted ? ", interrupted (Ctrl+C): the best cover found until then" : string.Empty)}"));
            }

            // an interrupted run prints its best cover but exits as cancelled, so a script can tell it from a finished run
            return !report.Feasible ? ExitCodes.DomainFailure : interrupted ? ExitCodes.Cancelled : ExitCodes.Success;
        });
        return command;
    }

    private sealed record SetcoverReport(double Cost, double? LowerBound, bool Optimal, string Solver, int Columns, bool Feasible, bool Repaired, double Seconds, bool Interrupted, Quanet.Optimization.Hybrid.HybridStatistics? Hybrid);
}
