namespace Quanet.Security.Qkd.Network;

/// <summary>
/// Hop-by-hop key relay through trusted nodes: the source encrypts the end-to-end key with the
/// first link's QKD key as a one-time pad; every trusted node decrypts with the key it shares with
/// its predecessor and re-encrypts with the key it shares with its successor.
/// </summary>
public static class KeyRelay
{
    /// <summary>Relays <paramref name="key"/> over the hops whose link keys are <paramref name="hopKeys"/>.</summary>
    /// <param name="key">The end-to-end key chosen by the source.</param>
    /// <param name="hopKeys">For each hop, the QKD key both ends of that link hold (each at least as long as the key).</param>
    /// <returns>The one-time-pad ciphertext sent on each hop and the key recovered at the destination.</returns>
    /// <exception cref="ArgumentException">A hop key is shorter than the key.</exception>
    public static (IReadOnlyList<byte[]> Ciphertexts, byte[] Delivered) Relay(ReadOnlySpan<byte> key, IReadOnlyList<byte[]> hopKeys)
    {
        ArgumentNullException.ThrowIfNull(hopKeys);
        var ciphertexts = new List<byte[]>(hopKeys.Count);
        var plain = key.ToArray();
        for (var hop = 0; hop < hopKeys.Count; hop++)
        {
            var pad = hopKeys[hop];
            if (pad.Length < plain.Length)
            {
                throw new ArgumentException($"hop {hop} has {pad.Length} bytes of link key, {plain.Length} needed");
            }

            // sender side of the hop: one-time pad
            var cipher = new byte[plain.Length];
            for (var i = 0; i < plain.Length; i++)
            {
                cipher[i] = (byte)(plain[i] ^ pad[i]);
            }

            ciphertexts.Add(cipher);

            // receiver side (trusted node or destination) removes the pad with its copy of the link key
            for (var i = 0; i < plain.Length; i++)
            {
                plain[i] = (byte)(cipher[i] ^ pad[i]);
            }
        }

        return (ciphertexts, plain);
    }
}
