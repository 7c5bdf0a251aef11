using Npgsql;
using Quanet.Cluster.Ingestion;
using Quanet.Operations.Action;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Processing;

/// <summary>What every grain of a silo shares: the network inventory, the runbooks, the database and the scratch folder.</summary>
internal sealed class ClusterContext(NetworkInventory inventory, RunbookCatalog runbooks, NpgsqlDataSource database, string scratchFolder, TimeSpan reminderPeriod)
{
    /// <summary>The network the region grains correlate over.</summary>
    public NetworkInventory Inventory { get; } = inventory;

    /// <summary>The regions of <see cref="Inventory"/>: which events each region sees and which incidents it owns.</summary>
    public TopologyRegions Regions { get; } = TopologyRegions.FromInventory(inventory);

    /// <summary>The runbooks by incident type.</summary>
    public RunbookCatalog Runbooks { get; } = runbooks;

    /// <summary>The cluster's PostgreSQL database.</summary>
    public NpgsqlDataSource Database { get; } = database;

    /// <summary>Folder of the region engines' scratch SQLite files.</summary>
    public string ScratchFolder { get; } = scratchFolder;

    /// <summary>Period of the reminder that resumes an orphaned runbook run.</summary>
    public TimeSpan ReminderPeriod { get; } = reminderPeriod;
}
