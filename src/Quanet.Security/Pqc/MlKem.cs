using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Quanet.Security.Pqc;

/// <summary>
/// ML-KEM (FIPS 203) key generation, encapsulation and decapsulation on raw byte encodings,
/// implemented with BouncyCastle. Encapsulation and decapsulation keys are checked as FIPS 203
/// section 7.2/7.3 require before use.
/// </summary>
public static class MlKem
{
    /// <summary>Generates a fresh key pair from the crypto library's random source.</summary>
    /// <param name="parameterSet">ML-KEM-512, -768 or -1024.</param>
    public static MlKemKeyPair GenerateKeyPair(MlKemParameterSet parameterSet)
    {
        var seed = new byte[MlKemSizes.Seed];
        new SecureRandom().NextBytes(seed);
        return FromSeed(parameterSet, seed);
    }

    /// <summary>Derives the key pair of ML-KEM.KeyGen_internal(d, z) from the 64-byte seed d || z.</summary>
    /// <param name="parameterSet">ML-KEM-512, -768 or -1024.</param>
    /// <param name="seed">d (32 bytes) followed by z (32 bytes).</param>
    /// <exception cref="ArgumentException">The seed is not 64 bytes.</exception>
    public static MlKemKeyPair FromSeed(MlKemParameterSet parameterSet, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != MlKemSizes.Seed)
        {
            throw new ArgumentException($"ML-KEM seed must be {MlKemSizes.Seed} bytes (d || z), got {seed.Length}", nameof(seed));
        }

        var key = MLKemPrivateKeyParameters.FromSeed(parameterSet.ToBouncyCastle(), seed.ToArray(), MLKemPrivateKeyParameters.Format.SeedAndEncoding);
        return new MlKemKeyPair(parameterSet, key.GetPublicKeyEncoded(), key.GetEncoded(), seed.ToArray());
    }

    /// <summary>Encapsulates a fresh shared secret to <paramref name="encapsulationKey"/>.</summary>
    /// <param name="parameterSet">The parameter set of the key.</param>
    /// <param name="encapsulationKey">The raw encapsulation key ek.</param>
    /// <exception cref="PqcKeyException">ek has the wrong length or fails the modulus check.</exception>
    public static MlKemEncapsulation Encapsulate(MlKemParameterSet parameterSet, ReadOnlySpan<byte> encapsulationKey) =>
        Encapsulate(parameterSet, encapsulationKey, new SecureRandom());

    /// <summary>
    /// ML-KEM.Encaps_internal with caller-chosen randomness m. Only for known-answer and
    /// interoperability tests: reusing m reveals the shared secret.
    /// </summary>
    /// <param name="parameterSet">The parameter set of the key.</param>
    /// <param name="encapsulationKey">The raw encapsulation key ek.</param>
    /// <param name="randomness">The 32-byte message m.</param>
    /// <exception cref="ArgumentException">m is not 32 bytes.</exception>
    /// <exception cref="PqcKeyException">ek has the wrong length or fails the modulus check.</exception>
    public static MlKemEncapsulation EncapsulateDeterministic(MlKemParameterSet parameterSet, ReadOnlySpan<byte> encapsulationKey, ReadOnlySpan<byte> randomness)
    {
        if (randomness.Length != MlKemSizes.EncapsulationRandomness)
        {
            throw new ArgumentException($"ML-KEM encapsulation randomness must be {MlKemSizes.EncapsulationRandomness} bytes, got {randomness.Length}", nameof(randomness));
        }

        return Encapsulate(parameterSet, encapsulationKey, new FixedSecureRandom(randomness));
    }

    /// <summary>Recovers the shared secret from <paramref name="ciphertext"/> (implicit rejection on a forged ciphertext).</summary>
    /// <param name="parameterSet">The parameter set of the key.</param>
    /// <param name="decapsulationKey">The raw decapsulation key dk.</param>
    /// <param name="ciphertext">The ciphertext c.</param>
    /// <returns>The 32-byte shared secret.</returns>
    /// <exception cref="PqcKeyException">dk or c has the wrong length, or dk fails the hash check.</exception>
    public static byte[] Decapsulate(MlKemParameterSet parameterSet, ReadOnlySpan<byte> decapsulationKey, ReadOnlySpan<byte> ciphertext)
    {
        var sizes = MlKemSizes.Of(parameterSet);
        CheckDecapsulationKey(parameterSet, decapsulationKey);
        if (ciphertext.Length != sizes.Ciphertext)
        {
            throw new PqcKeyException($"{Name(parameterSet)} ciphertext must be {sizes.Ciphertext} bytes, got {ciphertext.Length}");
        }

        var key = MLKemPrivateKeyParameters.FromEncoding(parameterSet.ToBouncyCastle(), decapsulationKey.ToArray());
        var decapsulator = new MLKemDecapsulator(parameterSet.ToBouncyCastle());
        decapsulator.Init(key);
        var secret = new byte[sizes.SharedSecret];
        var c = ciphertext.ToArray();
        decapsulator.Decapsulate(c, 0, c.Length, secret, 0, secret.Length);
        return secret;
    }

    /// <summary>Derives the encapsulation key ek that belongs to <paramref name="decapsulationKey"/>.</summary>
    /// <exception cref="PqcKeyException">dk is malformed.</exception>
    public static byte[] EncapsulationKeyOf(MlKemParameterSet parameterSet, ReadOnlySpan<byte> decapsulationKey)
    {
        CheckDecapsulationKey(parameterSet, decapsulationKey);
        var sizes = MlKemSizes.Of(parameterSet);
        var k = sizes.EncapsulationKey / 384;
        return decapsulationKey.Slice(384 * k, sizes.EncapsulationKey).ToArray();
    }

    /// <summary>
    /// FIPS 203 section 7.2 encapsulation-key check: the right length, and every 12-bit
    /// coefficient of t-hat below q = 3329 (ByteEncode12(ByteDecode12(ek)) = ek).
    /// </summary>
    /// <exception cref="PqcKeyException">The key fails the check.</exception>
    public static void CheckEncapsulationKey(MlKemParameterSet parameterSet, ReadOnlySpan<byte> encapsulationKey)
    {
        var sizes = MlKemSizes.Of(parameterSet);
        if (encapsulationKey.Length != sizes.EncapsulationKey)
        {
            throw new PqcKeyException($"{Name(parameterSet)} encapsulation key must be {sizes.EncapsulationKey} bytes, got {encapsulationKey.Length}");
        }

        var polynomialBytes = encapsulationKey.Length - 32;
        for (var i = 0; i < polynomialBytes; i += 3)
        {
            var first = encapsulationKey[i] | ((encapsulationKey[i + 1] & 0x0F) << 8);
            var second = (encapsulationKey[i + 1] >> 4) | (encapsulationKey[i + 2] << 4);
            if (first >= 3329 || second >= 3329)
            {
                throw new PqcKeyException($"{Name(parameterSet)} encapsulation key fails the modulus check (coefficient >= 3329 at byte {i})");
            }
        }
    }

    /// <summary>
    /// FIPS 203 section 7.3 decapsulation-key check: the right length and H(ek) stored in dk
    /// equal to the hash of the embedded ek.
    /// </summary>
    /// <exception cref="PqcKeyException">The key fails the check.</exception>
    public static void CheckDecapsulationKey(MlKemParameterSet parameterSet, ReadOnlySpan<byte> decapsulationKey)
    {
        var sizes = MlKemSizes.Of(parameterSet);
        if (decapsulationKey.Length != sizes.DecapsulationKey)
        {
            throw new PqcKeyException($"{Name(parameterSet)} decapsulation key must be {sizes.DecapsulationKey} bytes, got {decapsulationKey.Length}");
        }

        var k = sizes.EncapsulationKey / 384;
        var ek = decapsulationKey.Slice(384 * k, sizes.EncapsulationKey);
        var storedHash = decapsulationKey.Slice((768 * k) + 32, 32);
        Span<byte> hash = stackalloc byte[32];
        Sha3_256(ek, hash);
        if (!hash.SequenceEqual(storedHash))
        {
            throw new PqcKeyException($"{Name(parameterSet)} decapsulation key is corrupt (H(ek) does not match)");
        }
    }

    /// <summary>The FIPS 203 name of <paramref name="parameterSet"/>, e.g. "ML-KEM-768".</summary>
    public static string Name(MlKemParameterSet parameterSet) => parameterSet switch
    {
        MlKemParameterSet.MlKem512 => "ML-KEM-512",
        MlKemParameterSet.MlKem768 => "ML-KEM-768",
        MlKemParameterSet.MlKem1024 => "ML-KEM-1024",
        _ => throw new ArgumentOutOfRangeException(nameof(parameterSet), parameterSet, "unknown ML-KEM parameter set"),
    };

    /// <summary>Parses "ML-KEM-768", "mlkem768", "768" and the like.</summary>
    /// <exception cref="ArgumentException">Not an ML-KEM parameter set.</exception>
    public static MlKemParameterSet Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var digits = name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return digits switch
        {
            "MLKEM512" or "512" => MlKemParameterSet.MlKem512,
            "MLKEM768" or "768" => MlKemParameterSet.MlKem768,
            "MLKEM1024" or "1024" => MlKemParameterSet.MlKem1024,
            _ => throw new ArgumentException($"unknown ML-KEM parameter set '{name}' (expected ML-KEM-512, ML-KEM-768 or ML-KEM-1024)"),
        };
    }

    private static MlKemEncapsulation Encapsulate(MlKemParameterSet parameterSet, ReadOnlySpan<byte> encapsulationKey, SecureRandom random)
    {
        CheckEncapsulationKey(parameterSet, encapsulationKey);
        var sizes = MlKemSizes.Of(parameterSet);
        var key = MLKemPublicKeyParameters.FromEncoding(parameterSet.ToBouncyCastle(), encapsulationKey.ToArray());
        var encapsulator = new MLKemEncapsulator(parameterSet.ToBouncyCastle());
        encapsulator.Init(new ParametersWithRandom(key, random));
        var ciphertext = new byte[sizes.Ciphertext];
        var secret = new byte[sizes.SharedSecret];
        encapsulator.Encapsulate(ciphertext, 0, ciphertext.Length, secret, 0, secret.Length);
        return new MlKemEncapsulation(ciphertext, secret);
    }

    private static void Sha3_256(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var digest = new Org.BouncyCastle.Crypto.Digests.Sha3Digest(256);
        digest.BlockUpdate(input);
        digest.DoFinal(output);
    }
}
