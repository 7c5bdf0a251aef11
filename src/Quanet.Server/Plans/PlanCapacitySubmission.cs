namespace Quanet.Server.Plans;

/// <summary>The capacity, interference and brownfield settings of a <see cref="PlanSubmission"/> (the <c>quanet plan</c> options of the same names).</summary>
internal sealed record PlanCapacitySubmission
{
    /// <summary>coverage, sinr or traffic (<c>--objective</c>). <value>Default coverage.</value></summary>
    public string? Objective { get; init; }

    /// <summary>Minimum SINR in dB under the sinr objective (<c>--min-sinr</c>). <value>Default that of CQI 1.</value></summary>
    public double? MinSinrDb { get; init; }

    /// <summary>Channel bandwidth in MHz (<c>--bandwidth</c>). <value>Default 10.</value></summary>
    public double? BandwidthMhz { get; init; }

    /// <summary>Sectors per site (<c>--sectors</c>). <value>Default 1.</value></summary>
    public int? Sectors { get; init; }

    /// <summary>Busy-hour traffic per person in kbit/s (<c>--traffic-per-person</c>). <value>Default 50.</value></summary>
    public double? TrafficPerPersonKbps { get; init; }

    /// <summary>Cost of removing an existing site (<c>--removal-cost</c>). <value>Default 0.</value></summary>
    public double? RemovalCost { get; init; }

    /// <summary>Most solve-evaluate rounds of the sinr and traffic objectives (<c>--rounds</c>). <value>Default 4.</value></summary>
    public int? Rounds { get; init; }
}
