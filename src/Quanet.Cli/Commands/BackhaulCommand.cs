using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Commands.Steiner;
using Quanet.Cli.Infrastructure;
using Quanet.Planning.Backhaul;
using Spectre.Console;

namespace Quanet.Cli.Commands;

/// <summary><c>quanet backhaul PLAN_DIR</c>: minimum-cost fibre tree from a plan's sites to core PoPs.</summary>
internal static class BackhaulCommand
{
    public static Command Create()
    {
        var planDir = new Argument<DirectoryInfo>("plan-dir") { Description = "Plan directory holding plan.geojson (sites as Point features with kind \"site\")" };
        var pops = new Option<FileInfo?>("--pops") { Description = "CSV of core points of presence: id,lat,lon" };
        var popCount = new Option<int>("--pop-count")
        {
            Description = "Without --pops: use the N most populous places around the sites as PoPs",
            DefaultValueFactory = _ => 3,
        };
        var places = new Option<FileInfo[]>("--places")
        {
            Description = "GeoNames places CSV(s) for --pop-count (default: ../shared/data/places-*.csv)",
            AllowMultipleArgumentsPerToken = true,
        };
        var existing = new Option<FileInfo?>("--existing") { Description = "CSV of existing fibre between nodes: from,to (site or PoP ids)" };
        var costPerKm = new Option<double>("--cost-per-km") { Description = "Cost of one km of new fibre (default 1)", DefaultValueFactory = _ => 1.0 };
        var existingFactor = new Option<double>("--existing-factor") { Description = "Cost of existing fibre as a fraction of new (default 0.1)", DefaultValueFactory = _ => 0.1 };
        var hops = new Option<int?>("--hops") { Description = "Largest number of links from any site to its PoP (exact hop-indexed programme, SCIP)" };
        var time = CommonOptions.TimeLimit(20);
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
            var dir = ctx.Get(planDir)!;
            var problems = new List<string>();
            if (ctx.Get(costPerKm) is <= 0 or double.NaN)
            {
                problems.Add("--cost-per-km must be positive");
            }

            if (ctx.Get(existingFactor) is < 0 or double.NaN)
            {
                problems.Add("--existing-factor must not be negative");
            }

            if (ctx.Get(hops) is < 1)
            {
                problems.Add("--hops must be at least 1");
            }

            if (ctx.Get(popCount) < 1)
            {
                problems.Add("--pop-count must be at least 1");
            }

            if (ctx.Get(time) is <= 0 or double.NaN)
            {
                problems.Add("--time must be positive");
            }

            if (problems.Count > 0)
            {
                throw new UsageException(string.Join("; ", problems));
            }

            var planFile = Path.Combine(dir.FullName, "plan.geojson");
            if (!File.Exists(planFile))
            {
                throw new Quanet.Core.QuanetException($"{planFile}: not found (run 'quanet plan' first or give a plan directory)");
            }

            var sites = BackhaulFiles.ReadSites(planFile);
            var popList = ctx.Get(pops) is { } popFile
                ? BackhaulFiles.ReadPops(popFile.FullName)
                : BackhaulFiles.LargestPlaces(PlaceFiles(ctx.Get(places)), sites, ctx.Get(popCount));
            var fibre = ctx.Get(existing) is { } fibreFile ? BackhaulFiles.ReadExistingFibre(fibreFile.FullName) : [];
            ct.ThrowIfCancellationRequested();
            var design = BackhaulDesigner.Design(sites, popList, fibre, new BackhaulOptions
            {
                CostPerKm = ctx.Get(costPerKm),
                ExistingCostFactor = ctx.Get(existingFactor),
                HopLimit = ctx.Get(hops),
                TimeLimit = TimeSpan.FromSeconds(ctx.Get(time)),
                Seed = ctx.Get(seed),
            });
            var geojson = Path.Combine(dir.FullName, "backhaul.geojson");
            BackhaulFiles.WriteGeoJson(design, geojson);
            var summary = BackhaulSummary.From(design, sites.Count, popList.Count, geojson);
            File.WriteAllText(Path.Combine(dir.FullName, "backhaul.json"), System.Text.Json.JsonSerializer.Serialize(summary, CommandContext.SerializerOptions));
            if (ctx.Get(json))
            {
                ctx.WriteJson(summary);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("", "value");
            table.AddRow("sites / PoPs (used)", $"{sites.Count} / {popList.Count} ({design.PopsUsed})");
            table.AddRow("candidate routes", design.CandidateRoutes.ToString(CultureInfo.InvariantCulture));
            table.AddRow("links", design.Links.Count.ToString(CultureInfo.InvariantCulture));
            table.AddRow("length", $"{design.TotalLengthKm:0.0} km");
            table.AddRow("cost", design.TotalCost.ToString("0.###", CultureInfo.InvariantCulture));
            table.AddRow("lower bound", design.LowerBound.ToString("0.###", CultureInfo.InvariantCulture));
            table.AddRow("optimal", design.Optimal ? "yes" : "no");
            table.AddRow("max hops to PoP", design.MaxHops.ToString(CultureInfo.InvariantCulture));
            table.AddRow("written", Markup.Escape(geojson));
            ctx.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The given place files, else the repository's own data/places-*.csv or ../shared/data.</summary>
    internal static List<string> PlaceFiles(FileInfo[]? given)
    {
        if (given is { Length: > 0 })
        {
            return [.. given.Select(f => f.FullName)];
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
            {
                foreach (var data in new[] { Path.Combine(d.FullName, "data"), Path.Combine(d.FullName, "..", "shared", "data") })
                {
                    if (Directory.Exists(data) && Directory.GetFiles(data, "places-*.csv").Length > 0)
                    {
                        return [.. Directory.GetFiles(data, "places-*.csv").Order(StringComparer.Ordinal)];
                    }
                }
            }
        }

        throw new UsageException("no PoPs: give --pops FILE, or --places FILE with --pop-count N");
    }
}
