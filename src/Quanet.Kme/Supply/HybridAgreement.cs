using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Quanet.Kme.Peering;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Supply;

/// <summary>
/// Key supply where no QKD link exists: the link leader and its peer run an ephemeral hybrid key agreement,
/// ML-KEM-768 (FIPS 203) and X25519 (RFC 7748), each message signed with the sender's long-term ML-DSA-65
/// key (FIPS 204) over the whole transcript. Both shared secrets feed HKDF-SHA256 (RFC 5869), salted with
/// the transcript hash, whose output becomes pool blocks at indices the leader reserved, so the key stays
/// secret unless both ML-KEM and X25519 are broken, and a man in the middle needs a KME's ML-DSA key.
/// </summary>
/// <remarks>BouncyCastle provides the primitives: the machine's OpenSSL 3.0 lacks ML-KEM/ML-DSA for .NET's own types.</remarks>
internal sealed class HybridAgreement(KeyStore store, SaeDirectory directory, MLDsaPrivateKeyParameters signingKey, MLDsaPublicKeyParameters peerKey)
{
    private const int MaxBlocks = 255; // HKDF-SHA256 yields at most 255 * 32 bytes

    /// <summary>Leader side: one agreement adding <paramref name="blocks"/> blocks to the shared pool at both KMEs.</summary>
    public async Task AgreeAsync(IPeerKme peer, int blocks, CancellationToken cancellationToken)
    {
        var link = directory.PeerLink!;
        blocks = Math.Clamp(blocks, 1, MaxBlocks);
        var first = await store.ReserveIndicesAsync(link, blocks).ConfigureAwait(false);
        var kemGenerator = new MLKemKeyPairGenerator();
        kemGenerator.Init(new MLKemKeyGenerationParameters(new SecureRandom(), MLKemParameters.ml_kem_768));
        var kemPair = kemGenerator.GenerateKeyPair();
        var xPrivate = new X25519PrivateKeyParameters(new SecureRandom());
        var init = new HandshakeInit
        {
            Link = link,
            FirstIndex = first,
            Blocks = blocks,
            MlKemPublicKey = Convert.ToBase64String(((MLKemPublicKeyParameters)kemPair.Public).GetEncoded()),
            X25519PublicKey = Convert.ToBase64String(xPrivate.GeneratePublicKey().GetEncoded()),
        };
        init.Signature = Convert.ToBase64String(Sign(InitTranscript(init)));
        var reply = await peer.HandshakeAsync(init, cancellationToken).ConfigureAwait(false);
        var transcript = ReplyTranscript(init, reply);
        if (!Verify(transcript, Decode(reply.Signature)))
        {
            throw new KeyDeliveryException(DeliveryError.Unauthorized, "peer's ML-DSA-65 signature over the agreement does not verify");
        }

        var decapsulator = new MLKemDecapsulator(MLKemParameters.ml_kem_768);
        decapsulator.Init(kemPair.Private);
        var ciphertext = Decode(reply.MlKemCiphertext);
        if (ciphertext.Length != decapsulator.EncapsulationLength)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "ML-KEM ciphertext has the wrong length");
        }

        var kemSecret = new byte[decapsulator.SecretLength];
        decapsulator.Decapsulate(ciphertext, 0, ciphertext.Length, kemSecret, 0, kemSecret.Length);
        var xSecret = X25519(xPrivate, Decode(reply.X25519PublicKey));
        var material = Derive(kemSecret, xSecret, transcript, init);
        await store.InsertPeerBlocksAsync(link, first, material, index => directory.OwnerOf(link, index)).ConfigureAwait(false);
        await peer.ConfirmAsync(new PoolBatch { Link = link, FirstIndex = first, Count = blocks }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Responder side: verifies the leader's message, encapsulates, stores the blocks unready and signs the reply.</summary>
    public async Task<HandshakeReply> RespondAsync(string sender, HandshakeInit init)
    {
        if (sender != directory.LinkLeader || init.Link != directory.PeerLink || init.Blocks is < 1 or > MaxBlocks || init.FirstIndex < 0)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "agreement request does not fit this link");
        }

        if (!Verify(InitTranscript(init), Decode(init.Signature)))
        {
            throw new KeyDeliveryException(DeliveryError.Unauthorized, "leader's ML-DSA-65 signature does not verify");
        }

        MLKemPublicKeyParameters kemPublic;
        X25519PublicKeyParameters xPublic;
        try
        {
            kemPublic = MLKemPublicKeyParameters.FromEncoding(MLKemParameters.ml_kem_768, Decode(init.MlKemPublicKey));
            xPublic = new X25519PublicKeyParameters(Decode(init.X25519PublicKey));
        }
        catch (ArgumentException ex)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, $"malformed agreement key: {ex.Message}");
        }

        var encapsulator = new MLKemEncapsulator(MLKemParameters.ml_kem_768);
        encapsulator.Init(new Org.BouncyCastle.Crypto.Parameters.ParametersWithRandom(kemPublic, new SecureRandom()));
        var ciphertext = new byte[encapsulator.EncapsulationLength];
        var kemSecret = new byte[encapsulator.SecretLength];
        encapsulator.Encapsulate(ciphertext, 0, ciphertext.Length, kemSecret, 0, kemSecret.Length);
        var xPrivate = new X25519PrivateKeyParameters(new SecureRandom());
        var xSecret = X25519(xPrivate, xPublic.GetEncoded());
        var reply = new HandshakeReply
        {
            MlKemCiphertext = Convert.ToBase64String(ciphertext),
            X25519PublicKey = Convert.ToBase64String(xPrivate.GeneratePublicKey().GetEncoded()),
        };
        var transcript = ReplyTranscript(init, reply);
        reply.Signature = Convert.ToBase64String(Sign(transcript));
        var material = Derive(kemSecret, xSecret, transcript, init);
        await store.InsertPeerBlocksAsync(init.Link, init.FirstIndex, material, index => directory.OwnerOf(init.Link, index), ready: false, requireFresh: true).ConfigureAwait(false);
        return reply;
    }

    /// <summary>Responder side: the leader stored the agreed blocks too; make them usable.</summary>
    public Task ConfirmAsync(string sender, PoolBatch range)
    {
        if (sender != directory.LinkLeader || range.Link != directory.PeerLink || range.Count is < 1 or > MaxBlocks)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "confirmation does not fit this link");
        }

        return store.MarkReadyAsync(range.Link, range.FirstIndex, range.Count);
    }

    private static byte[] Derive(byte[] kemSecret, byte[] xSecret, byte[] transcript, HandshakeInit init)
    {
        var ikm = new byte[kemSecret.Length + xSecret.Length];
        kemSecret.CopyTo(ikm, 0);
        xSecret.CopyTo(ikm, kemSecret.Length);
        var info = Encoding.UTF8.GetBytes($"quanet-kme pool v1|{init.Link}|{init.FirstIndex}|{init.Blocks}");
        var material = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, init.Blocks * KeyStore.BlockBytes, SHA256.HashData(transcript), info);
        CryptographicOperations.ZeroMemory(ikm);
        CryptographicOperations.ZeroMemory(kemSecret);
        CryptographicOperations.ZeroMemory(xSecret);
        return material;
    }

    private static byte[] X25519(X25519PrivateKeyParameters own, byte[] peerPublic)
    {
        if (peerPublic.Length != X25519PublicKeyParameters.KeySize)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "X25519 public key has the wrong length");
        }

        var agreement = new X25519Agreement();
        agreement.Init(own);
        var secret = new byte[agreement.AgreementSize];
        agreement.CalculateAgreement(new X25519PublicKeyParameters(peerPublic), secret, 0);
        return secret;
    }

    private static byte[] InitTranscript(HandshakeInit init) =>
        Transcript("init", init.Link, init.FirstIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), init.Blocks.ToString(System.Globalization.CultureInfo.InvariantCulture), init.MlKemPublicKey, init.X25519PublicKey);

    private static byte[] ReplyTranscript(HandshakeInit init, HandshakeReply reply) =>
        Transcript("reply", Convert.ToBase64String(InitTranscript(init)), init.Signature, reply.MlKemCiphertext, reply.X25519PublicKey);

    private static byte[] Transcript(params string[] fields)
    {
        using var stream = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in fields.Prepend("quanet-kme-hybrid-v1"))
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            stream.Write(length);
            stream.Write(bytes);
        }

        return stream.ToArray();
    }

    private byte[] Sign(byte[] message)
    {
        var signer = new MLDsaSigner(MLDsaParameters.ml_dsa_65, deterministic: false);
        signer.Init(true, new Org.BouncyCastle.Crypto.Parameters.ParametersWithRandom(signingKey, new SecureRandom()));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    private bool Verify(byte[] message, byte[] signature)
    {
        var verifier = new MLDsaSigner(MLDsaParameters.ml_dsa_65, deterministic: false);
        verifier.Init(false, peerKey);
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }

    private static byte[] Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "agreement field is not base64");
        }
    }
}
