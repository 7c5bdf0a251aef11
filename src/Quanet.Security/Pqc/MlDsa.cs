using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Quanet.Security.Pqc;

/// <summary>
/// ML-DSA (FIPS 204) key generation, signing and verification (the pure, context-string
/// interface of FIPS 204 algorithms 2 and 3) on raw byte encodings, implemented with BouncyCastle.
/// </summary>
public static class MlDsa
{
    /// <summary>Generates a fresh key pair from the crypto library's random source.</summary>
    /// <param name="parameterSet">ML-DSA-44, -65 or -87.</param>
    public static MlDsaKeyPair GenerateKeyPair(MlDsaParameterSet parameterSet)
    {
        var seed = new byte[MlDsaSizes.Seed];
        new SecureRandom().NextBytes(seed);
        return FromSeed(parameterSet, seed);
    }

    /// <summary>Derives the key pair of ML-DSA.KeyGen_internal(xi) from the 32-byte seed xi.</summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static MlDsaKeyPair FromSeed(MlDsaParameterSet parameterSet, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != MlDsaSizes.Seed)
        {
            throw new ArgumentException($"ML-DSA seed must be {MlDsaSizes.Seed} bytes (xi), got {seed.Length}", nameof(seed));
        }

        var key = MLDsaPrivateKeyParameters.FromSeed(parameterSet.ToBouncyCastle(), seed.ToArray(), MLDsaPrivateKeyParameters.Format.EncodingOnly);
        return new MlDsaKeyPair(parameterSet, key.GetPublicKeyEncoded(), key.GetEncoded(), seed.ToArray());
    }

    /// <summary>Signs <paramref name="message"/> with the hedged (randomised) variant of ML-DSA.Sign.</summary>
    /// <param name="parameterSet">The parameter set of the key.</param>
    /// <param name="secretKey">The raw expanded secret key sk.</param>
    /// <param name="message">The message.</param>
    /// <param name="context">The FIPS 204 context string (at most 255 bytes; empty by default).</param>
    /// <returns>The signature, <see cref="MlDsaSizes.Signature"/> bytes.</returns>
    /// <exception cref="PqcKeyException">sk has the wrong length or does not decode.</exception>
    /// <exception cref="ArgumentException">The context is longer than 255 bytes.</exception>
    public static byte[] Sign(MlDsaParameterSet parameterSet, ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context = default) =>
        Sign(parameterSet, secretKey, message, context, deterministic: false);

    /// <summary>
    /// Signs with the deterministic variant of ML-DSA.Sign (rnd = 32 zero bytes), so that two
    /// conforming implementations produce the same signature; used for interoperability tests.
    /// </summary>
    /// <exception cref="PqcKeyException">sk has the wrong length or does not decode.</exception>
    /// <exception cref="ArgumentException">The context is longer than 255 bytes.</exception>
    public static byte[] SignDeterministic(MlDsaParameterSet parameterSet, ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context = default) =>
        Sign(parameterSet, secretKey, message, context, deterministic: true);

    /// <summary>Verifies <paramref name="signature"/> on <paramref name="message"/>.</summary>
    /// <param name="parameterSet">The parameter set of the key.</param>
    /// <param name="publicKey">The raw public key pk.</param>
    /// <param name="message">The message.</param>
    /// <param name="signature">The signature.</param>
    /// <param name="context">The context string used when signing.</param>
    /// <returns>True when the signature is valid; false for any invalid or malformed signature.</returns>
    /// <exception cref="PqcKeyException">pk has the wrong length.</exception>
    /// <exception cref="ArgumentException">The context is longer than 255 bytes.</exception>
    public static bool Verify(MlDsaParameterSet parameterSet, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context = default)
    {
        var sizes = MlDsaSizes.Of(parameterSet);
        if (publicKey.Length != sizes.PublicKey)
        {
            throw new PqcKeyException($"{Name(parameterSet)} public key must be {sizes.PublicKey} bytes, got {publicKey.Length}");
        }

        CheckContext(context);
        if (signature.Length != sizes.Signature)
        {
            return false;
        }

        var key = MLDsaPublicKeyParameters.FromEncoding(parameterSet.ToBouncyCastle(), publicKey.ToArray());
        var verifier = new MLDsaSigner(parameterSet.ToBouncyCastle(), deterministic: false);
        verifier.Init(false, new ParametersWithContext(key, context.ToArray()));
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }

    /// <summary>Derives the public key that belongs to <paramref name="secretKey"/>.</summary>
    /// <exception cref="PqcKeyException">sk is malformed.</exception>
    public static byte[] PublicKeyOf(MlDsaParameterSet parameterSet, ReadOnlySpan<byte> secretKey) =>
        DecodeSecretKey(parameterSet, secretKey).GetPublicKeyEncoded();

    /// <summary>The FIPS 204 name of <paramref name="parameterSet"/>, e.g. "ML-DSA-65".</summary>
    public static string Name(MlDsaParameterSet parameterSet) => parameterSet switch
    {
        MlDsaParameterSet.MlDsa44 => "ML-DSA-44",
        MlDsaParameterSet.MlDsa65 => "ML-DSA-65",
        MlDsaParameterSet.MlDsa87 => "ML-DSA-87",
        _ => throw new ArgumentOutOfRangeException(nameof(parameterSet), parameterSet, "unknown ML-DSA parameter set"),
    };

    /// <summary>Parses "ML-DSA-65", "mldsa65", "65" and the like.</summary>
    /// <exception cref="ArgumentException">Not an ML-DSA parameter set.</exception>
    public static MlDsaParameterSet Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var compact = name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return compact switch
        {
            "MLDSA44" or "44" => MlDsaParameterSet.MlDsa44,
            "MLDSA65" or "65" => MlDsaParameterSet.MlDsa65,
            "MLDSA87" or "87" => MlDsaParameterSet.MlDsa87,
            _ => throw new ArgumentException($"unknown ML-DSA parameter set '{name}' (expected ML-DSA-44, ML-DSA-65 or ML-DSA-87)"),
        };
    }

    private static byte[] Sign(MlDsaParameterSet parameterSet, ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, bool deterministic)
    {
        CheckContext(context);
        var key = DecodeSecretKey(parameterSet, secretKey);
        var signer = new MLDsaSigner(parameterSet.ToBouncyCastle(), deterministic);
        Org.BouncyCastle.Crypto.ICipherParameters keyParameters = deterministic ? key : new ParametersWithRandom(key, new SecureRandom());
        signer.Init(true, new ParametersWithContext(keyParameters, context.ToArray()));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    private static MLDsaPrivateKeyParameters DecodeSecretKey(MlDsaParameterSet parameterSet, ReadOnlySpan<byte> secretKey)
    {
        var sizes = MlDsaSizes.Of(parameterSet);
        if (secretKey.Length != sizes.SecretKey)
        {
            throw new PqcKeyException($"{Name(parameterSet)} secret key must be {sizes.SecretKey} bytes, got {secretKey.Length}");
        }

        try
        {
            return MLDsaPrivateKeyParameters.FromEncoding(parameterSet.ToBouncyCastle(), secretKey.ToArray());
        }
        catch (ArgumentException ex)
        {
            throw new PqcKeyException($"{Name(parameterSet)} secret key is corrupt: {ex.Message}", ex);
        }
    }

    private static void CheckContext(ReadOnlySpan<byte> context)
    {
        if (context.Length > MlDsaSizes.MaxContext)
        {
            throw new ArgumentException($"ML-DSA context must be at most {MlDsaSizes.MaxContext} bytes, got {context.Length}", nameof(context));
        }
    }
}
