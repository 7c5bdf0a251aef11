namespace Quanet.Operations.Inventory;

/// <summary>The kind of a managed network element.</summary>
public enum ElementKind
{
    /// <summary>Cell-site router terminating the backhaul at a cell site.</summary>
    SiteRouter,

    /// <summary>Open RAN radio unit (O-RU), one per sector.</summary>
    RadioUnit,

    /// <summary>Open RAN distributed unit (O-DU), one per cell site.</summary>
    DistributedUnit,

    /// <summary>Open RAN central unit (O-CU), pooled at an aggregation or core site.</summary>
    CentralUnit,

    /// <summary>Aggregation router at a hub site.</summary>
    AggregationRouter,

    /// <summary>Core router at a core site (the network's anchor).</summary>
    CoreRouter,
}
