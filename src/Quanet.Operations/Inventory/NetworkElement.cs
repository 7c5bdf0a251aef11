namespace Quanet.Operations.Inventory;

/// <summary>A managed network element; its id is the VES <c>sourceName</c> it reports as.</summary>
/// <param name="Id">Unique element id, e.g. <c>S12/du</c>.</param>
/// <param name="Kind">Element kind.</param>
/// <param name="SiteId">Site hosting the element.</param>
/// <param name="ServedBy">Element this one depends on logically (RU to DU, DU to CU), or null.</param>
public sealed record NetworkElement(string Id, ElementKind Kind, string SiteId, string? ServedBy);
