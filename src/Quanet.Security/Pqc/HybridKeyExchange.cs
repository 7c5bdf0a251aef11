using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Quanet.Security.Pqc;

/// <summary>
/// The X25519MLKEM768 hybrid key agreement of draft-ietf-tls-ecdhe-mlkem (TLS group 0x11EC):
/// client share = ML-KEM-768 encapsulation key (1184 bytes) || X25519 public key (32);
/// server share = ML-KEM-768 ciphertext (1088) || X25519 public key (32);
/// shared secret = ML-KEM-768 shared secret (32) || X25519 shared secret (32).
/// </summary>
public static class HybridKeyExchange
{
    /// <summary>The TLS NamedGroup code point of X25519MLKEM768.</summary>
    public const ushort CodePoint = 0x11EC;

    /// <summary>Length of an X25519 public key or shared secret.</summary>
    public const int X25519Length = 32;

    /// <summary>Length of the client key share: 1184 + 32.</summary>
    public const int ClientShareLength = 1184 + X25519Length;

    /// <summary>Length of the server key share: 1088 + 32.</summary>
    public const int ServerShareLength = 1088 + X25519Length;

    /// <summary>Length of the combined shared secret: 32 + 32.</summary>
    public const int SharedSecretLength = 32 + X25519Length;

    /// <summary>Creates the client's ephemeral keys and key share.</summary>
    public static HybridClientKeyShare CreateClientShare()
    {
        var random = new SecureRandom();
        var seed = new byte[MlKemSizes.Seed];
        random.NextBytes(seed);
        var x25519 = new byte[X25519PrivateKeyParameters.KeySize];
        random.NextBytes(x25519);
        return CreateClientShare(seed, x25519);
    }

    /// <summary>
    /// Creates the client's key share from given secrets (ML-KEM seed d || z and X25519 scalar);
    /// for tests and interoperability only.
    /// </summary>
    /// <exception cref="ArgumentException">A secret has the wrong length.</exception>
    public static HybridClientKeyShare CreateClientShare(ReadOnlySpan<byte> mlKemSeed, ReadOnlySpan<byte> x25519PrivateKey)
    {
        if (x25519PrivateKey.Length != X25519Length)
        {
            throw new ArgumentException($"X25519 private key must be {X25519Length} bytes, got {x25519PrivateKey.Length}", nameof(x25519PrivateKey));
        }

        var kem = MlKem.FromSeed(MlKemParameterSet.MlKem768, mlKemSeed);
        var ecdh = new X25519PrivateKeyParameters(x25519PrivateKey);
        var share = new byte[ClientShareLength];
        kem.EncapsulationKey.CopyTo(share, 0);
        ecdh.GeneratePublicKey().Encode(share.AsSpan(kem.EncapsulationKey.Length));
        return new HybridClientKeyShare(share, kem.DecapsulationKey, x25519PrivateKey.ToArray());
    }

    /// <summary>The server's side: encapsulates to the client's share and answers with its own share.</summary>
    /// <param name="clientShare">The 1216-byte client share.</param>
    /// <exception cref="PqcKeyException">The client share is malformed (length, ML-KEM key check, or an all-zero X25519 result).</exception>
    public static HybridServerResponse RespondToClient(ReadOnlySpan<byte> clientShare)
    {
        var random = new SecureRandom();
        var m = new byte[MlKemSizes.EncapsulationRandomness];
        random.NextBytes(m);
        var x25519 = new byte[X25519PrivateKeyParameters.KeySize];
        random.NextBytes(x25519);
        return RespondToClient(clientShare, m, x25519);
    }

    /// <summary>The server's side with given randomness (ML-KEM m and X25519 scalar); for tests only.</summary>
    /// <exception cref="PqcKeyException">The client share is malformed.</exception>
    public static HybridServerResponse RespondToClient(ReadOnlySpan<byte> clientShare, ReadOnlySpan<byte> mlKemRandomness, ReadOnlySpan<byte> x25519PrivateKey)
    {
        if (clientShare.Length != ClientShareLength)
        {
            throw new PqcKeyException($"X25519MLKEM768 client share must be {ClientShareLength} bytes, got {clientShare.Length}");
        }

        if (x25519PrivateKey.Length != X25519Length)
        {
            throw new ArgumentException($"X25519 private key must be {X25519Length} bytes, got {x25519PrivateKey.Length}", nameof(x25519PrivateKey));
        }

        var encapsulation = MlKem.EncapsulateDeterministic(MlKemParameterSet.MlKem768, clientShare[..1184], mlKemRandomness);
        var ecdh = new X25519PrivateKeyParameters(x25519PrivateKey);
        var share = new byte[ServerShareLength];
        encapsulation.Ciphertext.CopyTo(share, 0);
        ecdh.GeneratePublicKey().Encode(share.AsSpan(encapsulation.Ciphertext.Length));
        var secret = new byte[SharedSecretLength];
        encapsulation.SharedSecret.CopyTo(secret, 0);
        Agree(ecdh, clientShare[1184..], secret.AsSpan(32));
        return new HybridServerResponse(share, secret);
    }

    /// <summary>The client's last step: combines the server share with the client's secrets.</summary>
    /// <param name="client">The client's key share and secrets from <see cref="CreateClientShare()"/>.</param>
    /// <param name="serverShare">The 1120-byte server share.</param>
    /// <returns>The 64-byte shared secret (ML-KEM secret || X25519 secret).</returns>
    /// <exception cref="PqcKeyException">The server share is malformed.</exception>
    public static byte[] CompleteClient(HybridClientKeyShare client, ReadOnlySpan<byte> serverShare)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (serverShare.Length != ServerShareLength)
        {
            throw new PqcKeyException($"X25519MLKEM768 server share must be {ServerShareLength} bytes, got {serverShare.Length}");
        }

        var secret = new byte[SharedSecretLength];
        MlKem.Decapsulate(MlKemParameterSet.MlKem768, client.MlKemDecapsulationKey, serverShare[..1088]).CopyTo(secret, 0);
        Agree(new X25519PrivateKeyParameters(client.X25519PrivateKey), serverShare[1088..], secret.AsSpan(32));
        return secret;
    }

    private static void Agree(X25519PrivateKeyParameters own, ReadOnlySpan<byte> peerPublic, Span<byte> output)
    {
        try
        {
            own.GenerateSecret(new X25519PublicKeyParameters(peerPublic), output);
        }
        catch (InvalidOperationException ex)
        {
            // RFC 8446 section 7.4.2 / RFC 7748 section 6.1: an all-zero X25519 result is a failure.
            throw new PqcKeyException("X25519 agreement failed (all-zero shared secret from a low-order public key)", ex);
        }
    }
}
