using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Planning.Backhaul;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;
using Spectre.Console;

namespace Quanet.Cli.Commands;

/// <summary><c>quanet backhaul PLAN_DIR</c>: minimum-cost fibre tree from a plan's sites to core PoPs.</summary>
internal static class BackhaulCommand
{
    public static Command Create()
    {
        var planDir = new Argument<DirectoryInfo>("plan-dir") { Description = "Plan directory holding plan.geojson (sites as Point features with kind \"site\")" };
        var pops = new Option<FileInfo?>("--pops") { Description = "CSV of core points of presence: id,lat,lon" };
        var popCount = new Option<int>("--pop-count") { Description = "Without --pops: use the N most populous places around the sites as PoPs", DefaultValueFactory = _ => 3 }.MustBeAtLeast(1);
        var places = new Option<FileInfo[]>("--places") { Description = "GeoNames places CSV(s) for --pop-count (default: the embedded places)", AllowMultipleArgumentsPerToken = true };
        var existing = new Option<FileInfo?>("--existing") { Description = "CSV of existing fibre between nodes: from,to (site or PoP ids)" };
        var costPerKm = new Option<double>("--cost-per-km") { Description = "Cost of one km of new fibre (default 1)", DefaultValueFactory = _ => 1.0 }.MustBePositive();
        var existingFactor = new Option<double>("--existing-factor") { Description = "Cost of existing fibre as a fraction of new (default 0.1)", DefaultValueFactory = _ => 0.1 }.MustBeNonNegative();
        var hops = new Option<int?>("--hops") { Description = "Largest number of links from any site to its PoP (exact: a Steiner arborescence on the layered graph)" }
            .Must(h => h is not < 1, "must be at least 1");
        var time = CommonOptions.TimeLimit(20).MustBePositive();
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("backhaul", "Design the minimum-cost fibre backhaul tree (Steiner tree) from a plan's sites to core PoPs");
        command.Arguments.Add(planDir);
        foreach (var o in new Option[] { pops, popCount, places, existing, costPerKm, existingFactor, hops, time, seed, json })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, (ctx, ct) =>
        {
            var dir = ctx.Get(planDir)!.FullName;
            var result = BackhaulWorkflow.Run(new BackhaulWorkflowRequest
            {
                PlanDirectory = dir,
                PopsFile = ctx.Get(pops)?.FullName,
                PlaceFiles = [.. (ctx.Get(places) ?? []).Select(f => f.FullName)],
                ExistingFibreFile = ctx.Get(existing)?.FullName,
                Step = new BackhaulStepOptions
                {
                    PopCount = ctx.Get(popCount),
                    Design = new BackhaulOptions { CostPerKm = ctx.Get(costPerKm), ExistingCostFactor = ctx.Get(existingFactor), HopLimit = ctx.Get(hops), TimeLimit = TimeSpan.FromSeconds(ctx.Get(time)), Seed = ctx.Get(seed) },
                },
            }, ct);
            var summary = PlanArtifactWriter.WriteBackhaul(result, dir);
            if (ctx.Get(json))
            {
                ctx.WriteJson(summary);
                return ExitCodes.Success;
            }

            var design = result.Design;
            var table = new Table().AddColumns("", "value");
            table.AddRow("sites / PoPs (used)", $"{summary.Sites} / {summary.Pops} ({design.PopsUsed})");
            table.AddRow("candidate routes", design.CandidateRoutes.ToString(CultureInfo.InvariantCulture));
            table.AddRow("links", design.Links.Count.ToString(CultureInfo.InvariantCulture));
            table.AddRow("length", $"{design.TotalLengthKm:0.0} km");
            table.AddRow("cost", design.TotalCost.ToString("0.###", CultureInfo.InvariantCulture));
            table.AddRow("lower bound", design.LowerBound.ToString("0.###", CultureInfo.InvariantCulture));
            table.AddRow("optimal", design.Optimal ? "yes" : "no");
            table.AddRow("max hops to PoP", design.MaxHops.ToString(CultureInfo.InvariantCulture));
            table.AddRow("written", Markup.Escape(summary.Geojson));
            ctx.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
