using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Quanet.Kme.Peering;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;
using Quanet.Security.Pqc;

namespace Quanet.Kme.Supply;

/// <summary>
/// Key supply where no QKD link exists: the link leader and its peer run an ephemeral hybrid key agreement,
/// ML-KEM-768 (FIPS 203) and X25519 (RFC 7748), each message signed with the sender's long-term ML-DSA-65
/// key (FIPS 204) over the whole transcript. Both shared secrets feed HKDF-SHA256 (RFC 5869), salted with
/// the transcript hash, whose output becomes pool blocks at indices the leader reserved, so the key stays
/// secret unless both ML-KEM and X25519 are broken, and a man in the middle needs a KME's ML-DSA key.
/// </summary>
/// <remarks>The primitives are Quanet.Security.Pqc's (hybrid X25519MLKEM768 shares and ML-DSA).</remarks>
internal sealed class HybridAgreement(IKeyStore store, SaeDirectory directory, byte[] signingKey, byte[] peerKey)
{
    private const int MaxBlocks = 255; // HKDF-SHA256 yields at most 255 * 32 bytes
    private static readonly byte[] SignatureContext = Encoding.UTF8.GetBytes("quanet-kme");

    /// <summary>Leader side: one agreement adding <paramref name="blocks"/> blocks to the shared pool at both KMEs.</summary>
    public async Task AgreeAsync(IPeerKme peer, int blocks, CancellationToken cancellationToken)
    {
        var link = directory.PeerLink!;
        blocks = Math.Clamp(blocks, 1, MaxBlocks);
        var first = await store.ReserveIndicesAsync(link, blocks).ConfigureAwait(false);
        var client = HybridKeyExchange.CreateClientShare();
        var init = new HandshakeInit { Link = link, FirstIndex = first, Blocks = blocks, ClientShare = Convert.ToBase64String(client.Share) };
        init.Signature = Convert.ToBase64String(Sign(InitTranscript(init)));
        var reply = await peer.HandshakeAsync(init, cancellationToken).ConfigureAwait(false);
        var transcript = ReplyTranscript(init, reply);
        if (!Verify(transcript, Decode(reply.Signature)))
        {
            throw new KeyDeliveryException(DeliveryError.Unauthorized, "peer's ML-DSA-65 signature over the agreement does not verify");
        }

        byte[] secret;
        try
        {
            secret = HybridKeyExchange.CompleteClient(client, Decode(reply.ServerShare));
        }
        catch (PqcKeyException ex)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, $"peer's agreement share is invalid: {ex.Message}");
        }

        var material = Derive(secret, transcript, init);
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

        HybridServerResponse response;
        try
        {
            response = HybridKeyExchange.RespondToClient(Decode(init.ClientShare));
        }
        catch (PqcKeyException ex)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, $"malformed agreement share: {ex.Message}");
        }

        var reply = new HandshakeReply { ServerShare = Convert.ToBase64String(response.Share) };
        var transcript = ReplyTranscript(init, reply);
        reply.Signature = Convert.ToBase64String(Sign(transcript));
        var material = Derive(response.SharedSecret, transcript, init);
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

    private static byte[] Derive(byte[] secret, byte[] transcript, HandshakeInit init)
    {
        var info = Encoding.UTF8.GetBytes($"quanet-kme pool v1|{init.Link}|{init.FirstIndex}|{init.Blocks}");
        var material = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, init.Blocks * PoolBlocks.BlockBytes, SHA256.HashData(transcript), info);
        CryptographicOperations.ZeroMemory(secret);
        return material;
    }

    private static byte[] InitTranscript(HandshakeInit init) =>
        Transcript("init", init.Link, init.FirstIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), init.Blocks.ToString(System.Globalization.CultureInfo.InvariantCulture), init.ClientShare);

    private static byte[] ReplyTranscript(HandshakeInit init, HandshakeReply reply) =>
        Transcript("reply", Convert.ToBase64String(InitTranscript(init)), init.Signature, reply.ServerShare);

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

    private byte[] Sign(byte[] message) => MlDsa.Sign(MlDsaParameterSet.MlDsa65, signingKey, message, SignatureContext);

    private bool Verify(byte[] message, byte[] signature)
    {
        try
        {
            return MlDsa.Verify(MlDsaParameterSet.MlDsa65, peerKey, message, signature, SignatureContext);
        }
        catch (PqcKeyException)
        {
            return false;
        }
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
