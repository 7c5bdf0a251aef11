using Quanet.Operations.Inventory;
using Quanet.Operations.Simulation;

namespace Quanet.Workflows.Operations;

/// <summary>What <see cref="SimulateWorkflow"/> simulates.</summary>
public sealed record SimulateRequest
{
    /// <summary>The network.</summary>
    public required NetworkInventory Inventory { get; init; }

    /// <summary>Where the network came from, for the report.</summary>
    public required string Topology { get; init; }

    /// <summary>Simulated hours with faults and noise, in (0, <see cref="SimulateWorkflow.MaxHours"/>].</summary>
    /// <value>Default 24.</value>
    public double Hours { get; init; } = 24;

    /// <summary>Seed of everything random.</summary>
    /// <value>Default 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>Faults per 24 h by kind (see <see cref="ScenarioCatalog.TryParseMix"/>).</summary>
    /// <value>Default <see cref="ScenarioCatalog.DefaultMix"/>.</value>
    public IReadOnlyList<(string Kind, int Count)> Faults { get; init; } = ScenarioCatalog.DefaultMix;

    /// <summary>When set, the VES event stream is also written to this NDJSON file (for <see cref="ReplayWorkflow"/>).</summary>
    /// <value>Default null.</value>
    public string? EventsOutPath { get; init; }
}
