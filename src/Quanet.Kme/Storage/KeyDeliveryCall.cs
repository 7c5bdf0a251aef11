namespace Quanet.Kme.Storage;

/// <summary>The ETSI GS QKD 014 call through which an SAE received a key.</summary>
public enum KeyDeliveryCall
{
    /// <summary>Get key (clause 5.2): the master SAE received a new key.</summary>
    EncKeys,

    /// <summary>Get key with key IDs (clause 5.3): a slave SAE fetched a key made for it.</summary>
    DecKeys,
}
