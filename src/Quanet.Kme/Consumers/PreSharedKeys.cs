using Quanet.Core;
using Quanet.Kme.Protocol;
using Quanet.Kme.Supply;
using Quanet.Security.Pqc;

namespace Quanet.Kme.Consumers;

/// <summary>
/// Turns a delivered ETSI GS QKD 014 key into a consumer's pre-shared key, at either end. Plain: the QKD key
/// itself. Hybrid (on request of the SAEs, nothing changes at the KME): the master SAE encapsulates to the slave
/// SAE's ML-KEM-768 public key, both combine the QKD key with the shared secret (<see cref="HybridKeyCombiner"/>),
/// and the ciphertext travels with the key_ID; the key stays secret if either the QKD key (or a relay KME that
/// saw it) or ML-KEM is broken, not both.
/// </summary>
public static class PreSharedKeys
{
    /// <summary>The parts of a plain QKD key.</summary>
    public const string QkdParts = "qkd";

    /// <summary>The parts of a hybrid key.</summary>
    public const string HybridParts = "qkd+ml-kem-768";

    private const int MinHybridBytes = 16;

    /// <summary>Master side: the key from <c>enc_keys</c>, hybrid when <paramref name="slaveKemPublicKey"/> is given.</summary>
    /// <param name="entry">The one key of the Key container.</param>
    /// <param name="masterSaeId">This SAE.</param>
    /// <param name="slaveSaeId">The peer SAE that will fetch the key with dec_keys.</param>
    /// <param name="slaveKemPublicKey">The peer SAE's ML-KEM-768 encapsulation key (1184 bytes), or null.</param>
    /// <exception cref="QuanetException">The key is not base64, or the public key is not a valid ML-KEM-768 key.</exception>
    public static PreSharedKey FromEncKey(KeyEntry entry, string masterSaeId, string slaveSaeId, byte[]? slaveKemPublicKey)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var qkd = Material(entry);
        if (slaveKemPublicKey is null)
        {
            return new PreSharedKey(entry.KeyId, qkd, QkdParts, null);
        }

        MlKemEncapsulation encapsulation;
        try
        {
            encapsulation = MlKem.Encapsulate(MlKemParameterSet.MlKem768, slaveKemPublicKey);
        }
        catch (PqcKeyException ex)
        {
            throw new QuanetException($"the peer's ML-KEM-768 public key is not usable: {ex.Message}");
        }

        var context = new HybridKeyContext(entry.KeyId, masterSaeId, slaveSaeId, slaveKemPublicKey, encapsulation.Ciphertext);
        return new PreSharedKey(entry.KeyId, Combine(qkd, encapsulation.SharedSecret, context), HybridParts, encapsulation.Ciphertext);
    }

    /// <summary>Slave side: the key from <c>dec_keys</c>, hybrid when <paramref name="kemPrivateKey"/> is given.</summary>
    /// <param name="entry">The one key of the Key container.</param>
    /// <param name="masterSaeId">The peer SAE that made the key with enc_keys.</param>
    /// <param name="slaveSaeId">This SAE.</param>
    /// <param name="kemPrivateKey">This SAE's ML-KEM-768 decapsulation key (2400 bytes), or null.</param>
    /// <param name="kemCiphertext">The ciphertext the master SAE sent with the key_ID (hybrid only).</param>
    /// <exception cref="QuanetException">The key is not base64, or the private key or ciphertext is not ML-KEM-768's.</exception>
    public static PreSharedKey FromDecKey(KeyEntry entry, string masterSaeId, string slaveSaeId, byte[]? kemPrivateKey, byte[]? kemCiphertext)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var qkd = Material(entry);
        if (kemPrivateKey is null)
        {
            return new PreSharedKey(entry.KeyId, qkd, QkdParts, null);
        }

        if (kemCiphertext is null)
        {
            throw new QuanetException("a hybrid key needs the ML-KEM-768 ciphertext the master SAE sent with the key_ID");
        }

        byte[] secret;
        byte[] publicKey;
        try
        {
            secret = MlKem.Decapsulate(MlKemParameterSet.MlKem768, kemPrivateKey, kemCiphertext);
            publicKey = MlKem.EncapsulationKeyOf(MlKemParameterSet.MlKem768, kemPrivateKey);
        }
        catch (PqcKeyException ex)
        {
            throw new QuanetException($"ML-KEM-768 decapsulation failed: {ex.Message}");
        }

        var context = new HybridKeyContext(entry.KeyId, masterSaeId, slaveSaeId, publicKey, kemCiphertext);
        return new PreSharedKey(entry.KeyId, Combine(qkd, secret, context), HybridParts, null);
    }

    private static byte[] Combine(byte[] qkd, byte[] secret, HybridKeyContext context)
    {
        if (qkd.Length < MinHybridBytes)
        {
            throw new QuanetException($"key {context.KeyId}: a hybrid key needs a QKD key of at least {MinHybridBytes * 8} bits, got {qkd.Length * 8}");
        }

        // The hybrid key is as long as the QKD key it replaces, so consumers see the size they asked the KME for.
        return HybridKeyCombiner.Combine(qkd, secret, context, qkd.Length);
    }

    private static byte[] Material(KeyEntry entry)
    {
        try
        {
            return Convert.FromBase64String(entry.Key);
        }
        catch (FormatException)
        {
            throw new QuanetException($"key {entry.KeyId}: the KME's key is not base64");
        }
    }
}
