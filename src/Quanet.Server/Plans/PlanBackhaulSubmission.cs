namespace Quanet.Server.Plans;

/// <summary>The backhaul step of a <see cref="PlanSubmission"/>.</summary>
internal sealed record PlanBackhaulSubmission
{
    /// <summary>Number of core PoPs, the most populous places (<c>--backhaul-pops</c>). <value>Default 3.</value></summary>
    public int? Pops { get; init; }
}
