namespace Quanet.Kme.Storage;

/// <summary>A key cut from the pool: its ID (UUID text), plaintext material, and the pool blocks it came from.</summary>
internal sealed record IssuedKey(string KeyId, byte[] Material, long[] Blocks);
