using Quanet.Core;

namespace Quanet.Kme.Storage;

/// <summary>A refused key operation, carrying the ETSI GS QKD 014 error class and the offending key IDs.</summary>
public sealed class KeyDeliveryException : QuanetException
{
    /// <summary>Creates the exception.</summary>
    public KeyDeliveryException(DeliveryError error, string message, IReadOnlyList<string>? keyIds = null)
        : base(message)
    {
        Error = error;
        KeyIds = keyIds ?? [];
    }

    /// <summary>
    /// The one answer for a key the caller cannot have, whatever the reason: unknown, expired, already delivered,
    /// or made for other SAEs. Answering these alike tells an SAE nothing about keys that are not its own.
    /// </summary>
    public static KeyDeliveryException NotFound(string keyId) =>
        new(DeliveryError.BadRequest, "key not found (unknown, expired, already delivered, or not for this SAE)", [keyId]);

    /// <summary>The error class.</summary>
    public DeliveryError Error { get; }

    /// <summary>The key IDs concerned, if any.</summary>
    public IReadOnlyList<string> KeyIds { get; }
}
