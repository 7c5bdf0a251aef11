using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Steiner;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Formulations;
using Spectre.Console;

namespace Quanet.Cli.Commands.Qubo;

/// <summary>
/// <c>quanet qubo formulate plan|setcover FILE|steiner FILE</c>: the QUBO formulations of an instance side by side:
/// variables (decision + slack), couplers, density, feasibility rate of a fixed SA budget, best decoded objective against
/// the optimum.
/// </summary>
internal static class QuboFormulateCommand
{
    public static Command Create()
    {
        var command = new Command("formulate", "Compare QUBO formulations (slack, unbalanced, equality) of an instance: size, density, feasibility rate under simulated annealing");
        command.Subcommands.Add(Plan());
        command.Subcommands.Add(Setcover());
        command.Subcommands.Add(Steiner());
        return command;
    }

    private static Command Plan()
    {
        var o = new FormulationOptions();
        var sites = new Option<int>("--sites") { Description = $"Maximal covering with at most N sites on the default plan (default {PlanRequest.DefaultSites})", DefaultValueFactory = _ => PlanRequest.DefaultSites }.MustBeAtLeast(1);
        var command = new Command("plan", "The default plan's placement instance (Bavaria, 5 km grid, 800 MHz) after presolve");
        command.Options.Add(sites);
        o.AddTo(command);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var request = new PlanRequest { Goal = new PlacementGoal { MaxSites = ctx.Get(sites) } };
            var study = await Task.Run(
                () =>
                {
                    var (instance, goal) = FormulationStudies.PlanInstance(request);
                    return FormulationStudies.Placement(instance, goal, o.Formulations(ctx), o.Sampling(ctx), ctx.Get(o.Optimum), o.ReferenceLimit(ctx), ct);
                },
                ct);
            return Render(ctx, o, "default plan", study);
        });
        return command;
    }

    private static Command Setcover()
    {
        var o = new FormulationOptions();
        var file = new Argument<FileInfo>("file") { Description = "OR-Library set covering file (Beasley format)" }.MustExist();
        var command = new Command("setcover", "An OR-Library set covering instance: min-cost columns covering every row");
        command.Arguments.Add(file);
        o.AddTo(command);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var path = ctx.Get(file)!;
            var instance = BeasleySetCoverReader.Read(path.FullName);
            var goal = new PlacementGoal { Kind = PlacementKind.SetCover };
            var study = await Task.Run(() => FormulationStudies.Placement(instance, goal, o.Formulations(ctx), o.Sampling(ctx), ctx.Get(o.Optimum), o.ReferenceLimit(ctx), ct), ct);
            return Render(ctx, o, path.Name, study);
        });
        return command;
    }

    private static Command Steiner()
    {
        var o = new FormulationOptions();
        var file = new Argument<FileInfo>("file") { Description = "Instance in SteinLib STP or PACE 2018 .gr format" }.MustExist();
        var command = new Command("steiner", "A Steiner tree instance after its reductions (the QUBO has equality constraints only: one model whatever --formulation says)");
        command.Arguments.Add(file);
        o.AddTo(command);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var path = ctx.Get(file)!;
            var graph = StpReader.ReadFile(path.FullName);
            var optimum = ctx.Get(o.Optimum) is { } given ? (long?)Math.Round(given) : null;
            var study = await Task.Run(() => FormulationStudies.Steiner(graph, o.Sampling(ctx), optimum, o.ReferenceLimit(ctx), ct), ct);
            return Render(ctx, o, path.Name, study);
        });
        return command;
    }

    private static int Render(CommandContext ctx, FormulationOptions o, string instance, FormulationStudy study)
    {
        if (ctx.Get(o.Json))
        {
            ctx.WriteJson(new { Instance = instance, study.Problem, study.Reference, study.ReferenceSource, Formulations = study.Reports.Select(Row), study.Notes });
            return ExitCodes.Success;
        }

        var inv = CultureInfo.InvariantCulture;
        ctx.Output.WriteLine(string.Create(inv, $"{instance} ({study.Problem}): reference {study.Reference?.ToString("G10", inv) ?? "none"} from {study.ReferenceSource}"));
        var table = new Table().AddColumns("formulation", "variables", "slack", "couplers", "density", "feasible reads", "optimal reads", "best", "gap");
        foreach (var r in study.Reports)
        {
            table.AddRow(
                r.Formulation,
                r.Variables.ToString(inv),
                r.SlackVariables.ToString(inv),
                r.Couplers.ToString(inv),
                r.Density.ToString("G3", inv),
                string.Create(inv, $"{r.FeasibleReads}/{r.Reads}"),
                string.Create(inv, $"{r.OptimalReads}/{r.Reads}"),
                r.BestObjective?.ToString("G10", inv) ?? "-",
                r.Gap is { } g ? (g * 100).ToString("0.###", inv) + "%" : "-");
        }

        ctx.Console.Write(table);
        foreach (var note in study.Notes)
        {
            ctx.Output.WriteLine(note);
        }

        return ExitCodes.Success;
    }

    private static object Row(Quanet.Optimization.Qubo.Constraints.FormulationReport r) => new
    {
        r.Formulation,
        r.Variables,
        r.DecisionVariables,
        r.SlackVariables,
        r.Couplers,
        r.Density,
        r.Reads,
        r.Sweeps,
        r.Seed,
        r.FeasibleReads,
        r.OptimalReads,
        r.FeasibilityRate,
        r.BestObjective,
        r.Optimum,
        r.Gap,
    };
}
