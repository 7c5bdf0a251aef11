namespace Quanet.Kme.Storage;

/// <summary>One row of a KME's audit trail: an SAE received a key. Never holds key material.</summary>
/// <param name="At">When the release committed (the store's clock).</param>
/// <param name="Sae">The SAE that received the key: the subject CN of its client certificate.</param>
/// <param name="KeyId">The key's ID.</param>
/// <param name="Call">enc_keys (the master) or dec_keys (a slave).</param>
public sealed record KeyDelivery(DateTimeOffset At, string Sae, string KeyId, KeyDeliveryCall Call)
{
    /// <summary>The name of <paramref name="call"/> in the API path, as the stores' <c>call</c> column holds it.</summary>
    internal static string Name(KeyDeliveryCall call) => call == KeyDeliveryCall.DecKeys ? "dec_keys" : "enc_keys";

    /// <summary>The call named <paramref name="name"/> (<c>enc_keys</c> or <c>dec_keys</c>).</summary>
    internal static KeyDeliveryCall Parse(string name) => name == "dec_keys" ? KeyDeliveryCall.DecKeys : KeyDeliveryCall.EncKeys;
}
