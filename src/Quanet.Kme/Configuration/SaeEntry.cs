namespace Quanet.Kme.Configuration;

/// <summary>One row of the SAE table: an SAE ID (its certificate's subject CN) and the KME it is attached to.</summary>
public sealed class SaeEntry
{
    /// <summary>The SAE ID.</summary>
    public string Id { get; set; } = "";

    /// <summary>The KME ID the SAE is attached to; empty means this KME.</summary>
    public string Kme { get; set; } = "";
}
