namespace Quanet.Kme.Storage;

/// <summary>Why a key operation was refused; maps to the HTTP status of ETSI GS QKD 014.</summary>
public enum DeliveryError
{
    /// <summary>Malformed or impossible request, or a key the caller cannot have (whether or not it exists): 400.</summary>
    BadRequest,

    /// <summary>The caller may not make this call (not in the SAE table, not attached here, not the peer KME): 401.</summary>
    Unauthorized,

    /// <summary>Not enough key in the pool, or the peer KME is unreachable: 503.</summary>
    Unavailable,
}
