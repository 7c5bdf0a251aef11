using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Quanet.Kme.Supply;

/// <summary>
/// Combines a QKD key and an ML-KEM-768 shared secret into one key that stays secret while either part is:
/// concatenate-then-KDF (the CatKDF idea of ETSI TS 103 744), instantiated as the two-step KDF of NIST SP 800-56C
/// rev. 2 section 5 with HMAC-SHA256 (HKDF, RFC 5869) on Z = Z_qkd || Z_kem:
/// <code>
/// PRK = HMAC-SHA256(salt = 64 zero bytes, Z_qkd || Z_kem)                       (randomness extraction)
/// K   = HKDF-Expand(PRK, FixedInfo, L)                                           (key expansion)
/// FixedInfo = "QUANET-HYBRID-QKD-MLKEM768-v1" || LV(key_ID) || LV(master SAE) || LV(slave SAE)
///             || SHA-256(ek) || SHA-256(ct) || uint32(bits of Z_qkd) || uint32(L in bits)
/// </code>
/// LV(x) is a 4-byte big-endian length and the UTF-8 bytes. The transcript hashes bind the key to the ML-KEM
/// exchange and the IDs to the parties, so a key cannot be replayed in another context; the length of Z_qkd in
/// FixedInfo makes the split of Z unambiguous.
/// </summary>
/// <remarks>
/// The text of TS 103 744 was not available to this implementation; its published summary describes CatKDF as
/// a KDF over the concatenated secrets and a context, with HKDF and the SP 800-56C KDFs allowed. This is that
/// construction as SP 800-56C rev. 2 specifies it (the shared secret of a hybrid scheme is Z = Z' || T in its
/// section 2), not a byte-compatible TS 103 744 implementation. The KDF is checked against NIST ACVP
/// KDA-HKDF-Sp800-56Cr2 and RFC 5869 vectors.
/// </remarks>
internal static class HybridKeyCombiner
{
    /// <summary>The combiner's name, as key records show it.</summary>
    public const string Name = "SP800-56Cr2-two-step-HMAC-SHA256(Z_qkd||Z_mlkem768)";

    private const string Label = "QUANET-HYBRID-QKD-MLKEM768-v1";

    /// <summary>Derives a <paramref name="lengthBytes"/>-byte key from the QKD key and the ML-KEM secret.</summary>
    /// <exception cref="ArgumentException">An empty secret, or a length outside 16 .. 8160 bytes.</exception>
    public static byte[] Combine(ReadOnlySpan<byte> qkdKey, ReadOnlySpan<byte> kemSecret, HybridKeyContext context, int lengthBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (qkdKey.IsEmpty || kemSecret.IsEmpty)
        {
            throw new ArgumentException("both the QKD key and the ML-KEM shared secret are needed");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lengthBytes, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lengthBytes, 255 * 32);
        var z = new byte[qkdKey.Length + kemSecret.Length];
        qkdKey.CopyTo(z);
        kemSecret.CopyTo(z.AsSpan(qkdKey.Length));
        try
        {
            return Derive(z, [], FixedInfo(context, qkdKey.Length * 8, lengthBytes * 8), lengthBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(z);
        }
    }

    /// <summary>
    /// The KDF itself: SP 800-56C rev. 2 two-step key derivation with HMAC-SHA256, randomness extraction with
    /// <paramref name="salt"/> (empty = the default, zeros) then expansion in feedback mode, which is HKDF.
    /// </summary>
    internal static byte[] Derive(byte[] z, byte[] salt, byte[] fixedInfo, int lengthBytes)
    {
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, z, salt);
        try
        {
            return HKDF.Expand(HashAlgorithmName.SHA256, prk, lengthBytes, fixedInfo);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(prk);
        }
    }

    /// <summary>The FixedInfo (HKDF info) of a hybrid key, public data only.</summary>
    internal static byte[] FixedInfo(HybridKeyContext context, int qkdBits, int lengthBits)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes(Label));
        WriteField(stream, context.KeyId);
        WriteField(stream, context.MasterSaeId);
        WriteField(stream, context.SlaveSaeId);
        stream.Write(SHA256.HashData(context.EncapsulationKey));
        stream.Write(SHA256.HashData(context.Ciphertext));
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)qkdBits);
        stream.Write(number);
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)lengthBits);
        stream.Write(number);
        return stream.ToArray();
    }

    private static void WriteField(MemoryStream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
