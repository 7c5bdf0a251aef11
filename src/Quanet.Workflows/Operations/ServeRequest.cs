using Quanet.Operations.Inventory;

namespace Quanet.Workflows.Operations;

/// <summary>What <see cref="ServeWorkflow"/> serves.</summary>
public sealed record ServeRequest
{
    /// <summary>The network.</summary>
    public required NetworkInventory Inventory { get; init; }

    /// <summary>The SQLite store (created when missing, reopened with its alarms otherwise).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Seed of the simulated network the runbooks act through.</summary>
    /// <value>Default 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>TCP port on 127.0.0.1, 0 for any free port.</summary>
    /// <value>Default 8080.</value>
    public int Port { get; init; } = 8080;

    /// <summary>Whether the runbook of every new incident decided as a remote fix runs at once.</summary>
    /// <value>Default false.</value>
    public bool AutoRemediate { get; init; }
}
