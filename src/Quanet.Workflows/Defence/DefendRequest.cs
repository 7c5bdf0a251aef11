namespace Quanet.Workflows.Defence;

/// <summary>What <see cref="DefendWorkflow"/> runs: the rules over telemetry files against an inventory.</summary>
public sealed record DefendRequest
{
    /// <summary>Defence inventory JSON; null for the simulation scenario's inventory. <value>Default null.</value></summary>
    public string? InventoryPath { get; init; }

    /// <summary>Rule file (JSON or YAML); null for the shipped rules. <value>Default null.</value></summary>
    public string? RulesPath { get; init; }

    /// <summary>The telemetry files, at least one; their events are merged in time order.</summary>
    public IReadOnlyList<TelemetryInput> Telemetry { get; init; } = [];

    /// <summary>
    /// The most rejected lines a run may have and still pass; null for any number. A run that accepts no event fails
    /// whatever this is. <value>Default null.</value>
    /// </summary>
    public int? MaxRejected { get; init; }
}
