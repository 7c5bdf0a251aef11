using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Planning.Capacity;
using Quanet.Planning.Radio;

namespace Quanet.Cli.Commands.Plan;

/// <summary>The capacity, interference and brownfield options of <c>quanet plan</c> (one group, so that they merge as one).</summary>
internal sealed class PlanCapacityOptions
{
    public Option<string> Objective { get; } = new Option<string>("--objective") { Description = "What placement maximises: coverage (people in coverage), sinr (people covered at --min-sinr or better, interference of the chosen sites included) or traffic (busy-hour traffic served within each site's SINR-based capacity)", DefaultValueFactory = _ => "coverage" }
        .MustBeOneOf("coverage", "sinr", "traffic");

    public Option<double?> MinSinr { get; } = new Option<double?>("--min-sinr") { Description = "With --objective sinr: minimum SINR of a served person in dB (default that of CQI 1, -7.16 dB)" }
        .MustBeIn("-20..50", v => v is >= -20 and <= 50);

    public Option<double> Bandwidth { get; } = new Option<double>("--bandwidth") { Description = "Channel bandwidth of the band in MHz: noise, sensitivity and capacity (10: an LTE carrier)", DefaultValueFactory = _ => 10 }
        .MustBeIn("0.18..400", v => v is >= 0.18 and <= 400);

    public Option<int> Sectors { get; } = new Option<int>("--sectors") { Description = "Sectors (carriers) per site in the capacity (1: the sites are omni)", DefaultValueFactory = _ => 1 }
        .Must(v => v is >= 1 and <= 12, "must be in 1..12");

    public Option<double> TrafficPerPerson { get; } = new Option<double>("--traffic-per-person") { Description = $"Busy-hour traffic per person in kbit/s: site load, and demand under --objective traffic", DefaultValueFactory = _ => CapacityRequest.DefaultTrafficPerPersonKbps }
        .MustBePositive();

    public Option<double> RemovalCost { get; } = new Option<double>("--removal-cost") { Description = "Cost of removing an existing site (candidate flag 'existing'); keeping one then costs its own cost less this", DefaultValueFactory = _ => 0 }
        .MustBeNonNegative();

    public Option<int> Rounds { get; } = new Option<int>("--rounds") { Description = "With --objective sinr or traffic: most solve-evaluate rounds, each with the full --time", DefaultValueFactory = _ => 4 }
        .Must(v => v is >= 1 and <= 50, "must be in 1..50");

    public void AddTo(Command command, Option<double?> capacity)
    {
        Objective.Check(r => string.Equals(r.GetValue(Objective), "traffic", StringComparison.OrdinalIgnoreCase) && r.GetValue(capacity) is not null
            ? "--objective traffic derives each site's capacity from its SINR: leave out --capacity" : null);
        foreach (Option option in (Option[])[Objective, MinSinr, Bandwidth, Sectors, TrafficPerPerson, RemovalCost, Rounds])
        {
            command.Options.Add(option);
        }
    }

    public CapacityRequest Build(CommandContext ctx) => new()
    {
        Objective = Enum.Parse<PlanObjective>(ctx.Get(Objective)!, ignoreCase: true),
        MinSinrDb = ctx.Get(MinSinr),
        Sectors = ctx.Get(Sectors),
        TrafficPerPersonKbps = ctx.Get(TrafficPerPerson),
        RemovalCost = ctx.Get(RemovalCost),
        MaxRounds = ctx.Get(Rounds),
    };

    public LinkBudget LinkBudget(CommandContext ctx) => new() { BandwidthHz = ctx.Get(Bandwidth) * 1e6 };
}
