namespace Quanet.Kme.Relay;

/// <summary>
/// KME-to-KME message of the trusted relay: keys for a slave SAE several hops away, one-time-padded under the
/// key of the link they cross (<see cref="Ciphertext"/> = keys XOR the pool blocks <see cref="Blocks"/> of that link).
/// </summary>
internal sealed class RelayMessage
{
    /// <summary>The relay's ID (a UUID chosen by the first KME), the same on every hop and on every path tried.</summary>
    public string RelayId { get; set; } = "";

    /// <summary>The KMEs of the path, the first KME (the master SAE's) first and the slave SAE's KME last.</summary>
    public List<string> Path { get; set; } = [];

    public string Master { get; set; } = "";

    public List<string> Slaves { get; set; } = [];

    public int SizeBits { get; set; }

    public List<string> KeyIds { get; set; } = [];

    /// <summary>The pool blocks of the link from the sender to the receiver used as the pad (owned by the sender).</summary>
    public List<long> Blocks { get; set; } = [];

    /// <summary>Base64 of the padded keys: each key in its own whole blocks, XOR the pad.</summary>
    public string Ciphertext { get; set; } = "";

    /// <summary>Milliseconds the rest of the path may take before the sender gives up on it.</summary>
    public int BudgetMilliseconds { get; set; }
}
