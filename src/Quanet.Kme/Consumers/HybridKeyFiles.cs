using Quanet.Core;
using Quanet.Security.Pqc;

namespace Quanet.Kme.Consumers;

/// <summary>
/// The files of a hybrid pre-shared key: the SAEs' ML-KEM-768 keys (as <c>quanet pqc keygen ML-KEM-768</c> writes
/// them: PEM, DER or raw) and the ciphertext that travels with the key_ID (raw, 1088 bytes; public data).
/// </summary>
public static class HybridKeyFiles
{
    private const int CiphertextBytes = 1088;

    /// <summary>Reads an ML-KEM-768 public (<paramref name="privateKey"/> false) or private key file; returns the raw key.</summary>
    /// <exception cref="QuanetException">Unreadable, or not an ML-KEM-768 key of that kind.</exception>
    /// <exception cref="InputFormatException">Not a key file at all.</exception>
    public static byte[] ReadKemKey(string path, bool privateKey)
    {
        var key = PqcKeyFile.Decode(Read(path), path);
        var kind = privateKey ? PqcKeyKind.MlKemPrivate : PqcKeyKind.MlKemPublic;
        return key.Kind == kind && key.ParameterSet == "ML-KEM-768"
            ? key.Raw
            : throw new QuanetException($"{path}: expected an ML-KEM-768 {(privateKey ? "private" : "public")} key, found a {key.ParameterSet} {(key.Kind is PqcKeyKind.MlKemPrivate or PqcKeyKind.MlDsaPrivate ? "private" : "public")} key");
    }

    /// <summary>Reads the ciphertext the master SAE wrote.</summary>
    /// <exception cref="QuanetException">Unreadable, or not 1088 bytes.</exception>
    public static byte[] ReadCiphertext(string path)
    {
        var bytes = Read(path);
        return bytes.Length == CiphertextBytes
            ? bytes
            : throw new QuanetException($"{path}: an ML-KEM-768 ciphertext is {CiphertextBytes} bytes, found {bytes.Length}");
    }

    /// <summary>Writes the ciphertext for the slave SAE.</summary>
    /// <exception cref="QuanetException">The file cannot be written.</exception>
    public static void WriteCiphertext(string path, byte[] ciphertext)
    {
        try
        {
            File.WriteAllBytes(path, ciphertext);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QuanetException($"{path}: cannot write the ML-KEM-768 ciphertext: {ex.Message}");
        }
    }

    private static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QuanetException($"{path}: {ex.Message}");
        }
    }
}
