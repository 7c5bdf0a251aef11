using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation.Scenarios;

/// <summary>Target picking shared by the scenarios.</summary>
internal static class ScenarioHelpers
{
    public static T? Pick<T>(Random rng, List<T> items)
        where T : class => items.Count == 0 ? null : items[rng.Next(items.Count)];

    public static List<NetworkElement> Elements(SimulationWorld world, ElementKind kind, Func<NetworkElement, bool> eligible)
    {
        var list = new List<NetworkElement>();
        foreach (var e in world.Inventory.Elements)
        {
            if (e.Kind == kind && world.Network.SiteUp(e.SiteId) && eligible(e))
            {
                list.Add(e);
            }
        }

        return list;
    }

    /// <summary>Whether any active fault already involves this site (faults are kept apart so ground truth stays clear).</summary>
    public static bool SiteBusy(SimulationWorld world, string siteId)
    {
        foreach (var (fault, _) in world.Faults)
        {
            if (fault.RepairedMicros is null && fault.Site == siteId)
            {
                return true;
            }
        }

        return false;
    }
}
