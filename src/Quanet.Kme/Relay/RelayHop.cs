namespace Quanet.Kme.Relay;

/// <summary>What a KME sends on one hop of a relay: the pad's pool blocks on the outgoing link and the padded keys.</summary>
/// <param name="Link">The outgoing link.</param>
/// <param name="Blocks">Indices of the pool blocks used as the pad (consumed).</param>
/// <param name="Ciphertext">The keys XOR the pad.</param>
internal sealed record RelayHop(string Link, long[] Blocks, byte[] Ciphertext);
