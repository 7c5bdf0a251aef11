namespace Quanet.Operations.Inventory;

/// <summary>What a site does in the transport hierarchy.</summary>
public enum SiteRole
{
    /// <summary>A radio site with RU, DU and a cell-site router.</summary>
    Cell,

    /// <summary>A hub aggregating cell sites; hosts a pooled CU.</summary>
    Aggregation,

    /// <summary>A core site; connectivity is measured from core sites.</summary>
    Core,
}
