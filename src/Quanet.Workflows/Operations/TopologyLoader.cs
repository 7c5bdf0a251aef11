using Quanet.Core;
using Quanet.Operations.Inventory;
using Quanet.Planning.Artifacts;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Operations;

/// <summary>
/// The network the operations commands work on: an inventory file, a plan directory read through its artifact
/// readers (plan.geojson sites, backhaul.geojson links when present), or a seeded synthetic network.
/// </summary>
public static class TopologyLoader
{
    /// <summary>Loads the inventory file, else the plan directory, else a synthetic network of <paramref name="sites"/> cells.</summary>
    /// <returns>The inventory and a name for it in messages.</returns>
    /// <exception cref="DirectoryNotFoundException">The plan directory does not exist.</exception>
    /// <exception cref="QuanetException">A malformed file or plan.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A synthetic network of fewer than one site.</exception>
    public static (NetworkInventory Inventory, string Name) Load(string? planDirectory, string? inventoryFile, int sites, int seed)
    {
        if (inventoryFile is not null)
        {
            return (InventoryJson.Load(inventoryFile), Path.GetFileName(inventoryFile));
        }

        if (planDirectory is not null)
        {
            return (FromPlan(planDirectory, seed), $"plan {Path.GetFileName(Path.TrimEndingDirectorySeparator(planDirectory))}");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        return (SyntheticInventory.Create(sites, seed), $"synthetic ({sites} cell sites, seed {seed})");
    }

    /// <summary>
    /// The inventory of a plan directory: its sites as cells, its backhaul links (ids B1, B2, ... in file order) or,
    /// without backhaul.geojson, a seeded synthetic backhaul.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="QuanetException">No plan there, a malformed artifact, or links that make no valid inventory.</exception>
    public static NetworkInventory FromPlan(string planDirectory, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(planDirectory);
        if (!Directory.Exists(planDirectory))
        {
            throw new DirectoryNotFoundException($"plan directory not found: {planDirectory}");
        }

        var cells = PlanDirectory.ReadPlan(planDirectory).Sites
            .Select(s => new NetworkSite(s.Id, SiteRole.Cell, s.Location.Latitude, s.Location.Longitude)).ToList();
        if (!PlanDirectory.HasBackhaul(planDirectory))
        {
            return PlanInventory.Build(cells, null, seed);
        }

        var links = PlanDirectory.ReadBackhaul(planDirectory).Select((l, i) => new TransportLink($"B{i + 1}", l.From, l.To, l.LengthKm)).ToList();
        try
        {
            return PlanInventory.Build(cells, links, seed);
        }
        catch (QuanetException ex) when (ex is not InputFormatException)
        {
            throw new InputFormatException(Path.Combine(planDirectory, BackhaulGeoJsonReader.FileName), 0, ex.Message);
        }
    }
}
