namespace Quanet.Server.Plans;

/// <summary>
/// A plan submission (<c>POST /api/v1/plans</c>); every field is optional and mirrors a <c>quanet plan</c> option.
/// <c>{}</c> plans the embedded default scenario (Bavaria, 800 MHz, 60 sites, CP-SAT).
/// </summary>
internal sealed record PlanSubmission
{
    /// <summary>Country of the embedded data (<c>--country</c>). <value>Default DE.</value></summary>
    public string? Region { get; init; }

    /// <summary>GeoNames admin1 code, or <c>all</c> (<c>--admin1</c>). <value>Default 02 (Bavaria) for DE.</value></summary>
    public string? Admin1 { get; init; }

    /// <summary>At most this many sites (<c>--sites</c>).</summary>
    public int? Sites { get; init; }

    /// <summary>Total site cost at most this (<c>--budget</c>).</summary>
    public double? Budget { get; init; }

    /// <summary>Set cover of this population share (0, 1] (<c>--target</c>).</summary>
    public double? Target { get; init; }

    /// <summary>Carrier frequency in MHz (<c>--band</c>). <value>Default 800.</value></summary>
    public double? Band { get; init; }

    /// <summary>Path-loss model (<c>--model</c>). <value>Default hata-suburban.</value></summary>
    public string? Model { get; init; }

    /// <summary>Use the model outside its frequency, distance and height ranges (<c>--allow-extrapolation</c>); the plan then carries warnings. <value>Default false.</value></summary>
    public bool? AllowExtrapolation { get; init; }

    /// <summary>Placement solver or <c>compare</c> (<c>--solver</c>). <value>Default cpsat.</value></summary>
    public string? Solver { get; init; }

    /// <summary>Placement time limit in seconds (<c>--time</c>), capped by the server. <value>Default 30.</value></summary>
    public double? TimeLimitSeconds { get; init; }

    /// <summary>Solver seed (<c>--seed</c>). <value>Default 1.</value></summary>
    public int? Seed { get; init; }

    /// <summary>Capacity, interference and brownfield settings; null for the defaults (coverage objective).</summary>
    public PlanCapacitySubmission? Capacity { get; init; }

    /// <summary>Also design the fibre backhaul (<c>--backhaul</c>); null to skip.</summary>
    public PlanBackhaulSubmission? Backhaul { get; init; }

    /// <summary>Also decide QKD or PQC for every backhaul link (<c>--secure</c>).</summary>
    public bool? Security { get; init; }

    /// <summary>Demand without an uploaded demand file (<c>--demand-model</c>): surface or places. <value>Default surface.</value></summary>
    public string? DemandModel { get; init; }

    /// <summary>Cell size of the population surface in km (<c>--cell-size</c>). <value>Default 1.</value></summary>
    public double? CellSizeKilometres { get; init; }

    /// <summary>The uploaded demand file as kept in the job's directory; set by the server, not the client.</summary>
    public string? DemandFile { get; init; }

    /// <summary>The uploaded candidates file as kept in the job's directory; set by the server, not the client.</summary>
    public string? CandidatesFile { get; init; }
}
