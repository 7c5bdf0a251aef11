using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Planning.Radio;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Solvers;

namespace Quanet.Cli.Commands.Plan;

/// <summary>The options of <c>quanet plan</c>.</summary>
internal sealed class PlanOptions
{
    public Option<string> Country { get; } = new("--country") { Description = "Country of the embedded data (DE, ES, GB)", DefaultValueFactory = _ => "DE" };

    public Option<string?> Admin1 { get; } = new("--admin1") { Description = "GeoNames admin1 code (DE 02 = Bavaria, the default for DE), or 'all' for the whole country" };

    public Option<int?> Sites { get; } = new("--sites") { Description = $"Build at most N sites (maximal covering; default {PlanRequest.DefaultSites} when no --budget or --target)" };

    public Option<double?> Budget { get; } = new("--budget") { Description = "Total site cost at most X (maximal covering; grid sites cost 1)" };

    public Option<double?> Target { get; } = new("--target") { Description = "Set cover instead: least cost covering this fraction (0-1] of the population" };

    public Option<double> OverlapPenalty { get; } = new("--overlap-penalty") { Description = "Penalty per person covered by more than one site (interference), in people; default 0" };

    public Option<double> Band { get; } = new("--band") { Description = "Carrier frequency in MHz", DefaultValueFactory = _ => 800 };

    public Option<string> Model { get; } = new("--model") { Description = $"Path-loss model: {string.Join(", ", PathLossModels.Names)}", DefaultValueFactory = _ => "hata-suburban" };

    public Option<string> Solver { get; } = new Option<string>("--solver") { Description = "Placement solver" }.SolverOf(SolverCatalogue.Placement);

    public Option<double> Spacing { get; } = new("--spacing") { Description = "Hexagonal candidate grid spacing in km (0: only --candidates)", DefaultValueFactory = _ => 5 };

    public Option<double> Height { get; } = new("--height") { Description = "Antenna height of grid sites in m", DefaultValueFactory = _ => 30 };

    public Option<double?> Capacity { get; } = new("--capacity") { Description = "Per-site capacity in people (default uncapacitated)" };

    public Option<FileInfo?> Demand { get; } = new("--demand") { Description = "Demand file replacing the places: CSV (lat,lon,population[,id,name]) or GeoJSON points" };

    public Option<FileInfo?> Candidates { get; } = new("--candidates") { Description = "Candidate sites added to the grid: CSV (id,lat,lon[,cost,height,flag,name]) or GeoJSON points" };

    public Option<DirectoryInfo> Out { get; } = new("--out") { Description = "Output directory for plan.geojson, plan.html, plan.png", DefaultValueFactory = _ => new DirectoryInfo("plan") };

    public Option<bool> Backhaul { get; } = new("--backhaul") { Description = "Also design the fibre backhaul (minimum Steiner tree to the largest places as PoPs); writes backhaul.geojson" };

    public Option<int> BackhaulPops { get; } = new("--backhaul-pops") { Description = "With --backhaul: number of core PoPs, the most populous places (default 3)", DefaultValueFactory = _ => 3 };

    public Option<bool> Secure { get; } = new("--secure") { Description = "With --backhaul: decide QKD or PQC for every backhaul link (see 'quanet secure'); writes security.json and security.geojson" };

    public Option<double> RequiredRate { get; } = new("--required-rate") { Description = "With --secure: secret-key rate each link needs, bit/s (default 10000)", DefaultValueFactory = _ => 10_000 };

    public Option<int> Seed { get; } = CommonOptions.Seed();

    public Option<double> Time { get; } = CommonOptions.TimeLimit(30);

    public Option<bool> Json { get; } = CommonOptions.Json();

    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[Country, Admin1, Sites, Budget, Target, OverlapPenalty, Band, Model, Solver, Spacing, Height, Capacity, Demand, Candidates, Out, Backhaul, BackhaulPops, Secure, RequiredRate, Seed, Time, Json])
        {
            command.Options.Add(option);
        }
    }
}
