using System.CommandLine;
using Quanet.Operations.Inventory;
using Quanet.Workflows.Operations;

namespace Quanet.Cli.Commands.Ops;

/// <summary>The topology options shared by the ops commands: <c>--plan DIR</c> or <c>--inventory FILE</c>, else synthetic.</summary>
internal static class OpsTopology
{
    public static Option<DirectoryInfo?> Plan() => new("--plan")
    {
        Description = "Quanet plan directory (plan.geojson sites, backhaul.geojson links); default: a synthetic network",
    };

    public static Option<FileInfo?> Inventory() => new("--inventory")
    {
        Description = "Inventory JSON file (sites, links, optional elements); overrides --plan",
    };

    public static Option<int> Sites() => new("--sites")
    {
        Description = "Cell sites of the synthetic network (default 40)",
        DefaultValueFactory = _ => 40,
    };

    /// <summary>The network of the options (<see cref="TopologyLoader"/>) and its name for messages.</summary>
    public static (NetworkInventory Inventory, string Name) Load(DirectoryInfo? plan, FileInfo? inventory, int sites, int seed)
    {
        if (inventory is null && plan is null && sites < 1)
        {
            throw new ArgumentException("--sites must be at least 1");
        }

        return TopologyLoader.Load(plan?.FullName, inventory?.FullName, sites, seed);
    }
}
