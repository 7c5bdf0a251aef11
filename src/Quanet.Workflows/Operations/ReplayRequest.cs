using Quanet.Operations.Inventory;

namespace Quanet.Workflows.Operations;

/// <summary>What <see cref="ReplayWorkflow"/> replays, against which network, and how much garbage it tolerates.</summary>
public sealed record ReplayRequest
{
    /// <summary>The network the events come from.</summary>
    public required NetworkInventory Inventory { get; init; }

    /// <summary>Where the network came from, for the report (e.g. <c>synthetic (40 cell sites, seed 3)</c>).</summary>
    public required string Topology { get; init; }

    /// <summary>The NDJSON file: one VES body (<c>{"event":...}</c>, <c>{"eventList":[...]}</c> or a bare event) per line.</summary>
    public required string EventsPath { get; init; }

    /// <summary>Seed of the simulated network the runbooks would act through.</summary>
    /// <value>Default 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>SQLite store to keep; null uses a temporary store, deleted afterwards.</summary>
    /// <value>Default null.</value>
    public string? DatabasePath { get; init; }

    /// <summary>Most rejected lines a replay may have and still pass; null allows any number.</summary>
    /// <value>Default null (a replay passes when at least one event was accepted).</value>
    public int? MaxRejected { get; init; }
}
