using System.Globalization;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Capacity;

/// <summary>
/// Capacity, interference and brownfield settings of a plan: the objective, the SINR it asks for, sectors, traffic per
/// person and what removing an existing site costs. The carrier bandwidth is the link budget's
/// (<see cref="Radio.LinkBudget.BandwidthHz"/>), so noise and capacity use the same figure.
/// </summary>
public sealed record CapacityRequest
{
    /// <summary>What the placement maximises. <value>Default coverage (no interference in the choice).</value></summary>
    public PlanObjective Objective { get; init; } = PlanObjective.Coverage;

    /// <summary>Minimum SINR of a served person under <see cref="PlanObjective.Sinr"/>, dB, or null for the SINR of CQI 1 (-7.16 dB). <value>Default null.</value></summary>
    public double? MinSinrDb { get; init; }

    /// <summary>Sectors (carriers) per site: capacity is bandwidth x sectors x mean spectral efficiency. <value>Default 1 (the sites are omni).</value></summary>
    public int Sectors { get; init; } = 1;

    /// <summary>Busy-hour traffic per person, kbit/s, turning people into load. <value>Default 50 kbit/s.</value></summary>
    public double TrafficPerPersonKbps { get; init; } = DefaultTrafficPerPersonKbps;

    /// <summary>
    /// Cost of removing an existing site (candidate flag <c>existing</c>), in the cost unit of the sites: keeping one costs
    /// its own cost less this, never below 0. <value>Default 0 (removal is free: it saves the whole keep cost).</value>
    /// </summary>
    public double RemovalCost { get; init; }

    /// <summary>Most solve-evaluate rounds of the sinr and traffic objectives. <value>Default 4.</value></summary>
    public int MaxRounds { get; init; } = 4;

    /// <summary>The default of <see cref="TrafficPerPersonKbps"/>.</summary>
    public const double DefaultTrafficPerPersonKbps = 50;

    /// <summary>The cost the optimisation charges for opening <paramref name="site"/>: its cost, or for an existing site its keep cost less the removal cost (at least 0).</summary>
    public double OptimisationCost(CandidateSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Existing ? Math.Max(0, site.Cost - RemovalCost) : site.Cost;
    }

    /// <summary>Every out-of-range value, worded without any host's option names.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MinSinrDb is { } s && !(s is >= -20 and <= 50))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the minimum SINR must be in -20..50 dB (got {s})"));
        }

        if (Sectors is < 1 or > 12)
        {
            problems.Add($"sectors must be 1-12 (got {Sectors})");
        }

        if (!(TrafficPerPersonKbps > 0) || double.IsInfinity(TrafficPerPersonKbps))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the traffic per person must be positive (got {TrafficPerPersonKbps} kbit/s)"));
        }

        if (!(RemovalCost >= 0) || double.IsInfinity(RemovalCost))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the removal cost must be finite and non-negative (got {RemovalCost})"));
        }

        if (MaxRounds is < 1 or > 50)
        {
            problems.Add($"the rounds must be 1-50 (got {MaxRounds})");
        }

        return problems;
    }
}
