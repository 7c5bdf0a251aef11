using System.Security.Cryptography;
using Quanet.Kme.Configuration;
using Quanet.Kme.Hosting;
using Quanet.Kme.Peering;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;
using Quanet.Kme.Supply;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Supply;

/// <summary>Key supply without a QKD link: ML-KEM-768 + X25519 agreements between the KMEs, signed with ML-DSA-65.</summary>
public sealed class HybridSupplyTests
{
    [Fact]
    public async Task Two_KMEs_in_pqc_mode_agree_on_a_pool_and_a_key_from_A_is_fetched_at_B()
    {
        using var pki = new Pki();
        PqcIdentity.Write(pki.Folder, "KME_A");
        PqcIdentity.Write(pki.Folder, "KME_B");
        var portA = Ports.Free();
        var portB = Ports.Free();
        var optionsA = Pqc(pki, "KME_A", portA, "KME_B", portB);
        var optionsB = Pqc(pki, "KME_B", portB, "KME_A", portA);
        await using var a = await KmeServer.StartAsync(optionsA, TimeProvider.System);
        await using var b = await KmeServer.StartAsync(optionsB, TimeProvider.System);
        using var master = new Quanet.Kme.Client.KmeClient(a.BaseAddress, pki.Identity("SAE_A"), pki.Ca);
        using var slave = new Quanet.Kme.Client.KmeClient(b.BaseAddress, pki.Identity("SAE_B"), pki.Ca);
        await KmePair.WaitForKeysAsync(master, "SAE_B", 10);

        var issued = await master.GetKeysAsync("SAE_B", 2, 256);
        var fetched = await slave.GetKeysWithIdsAsync("SAE_A", issued.Value!.Keys.Select(k => k.KeyId));

        Assert.Equal(issued.Value.Keys.Select(k => k.Key), fetched.Value!.Keys.Select(k => k.Key));
    }

    [Fact]
    public async Task An_agreement_signed_with_the_wrong_ML_DSA_key_is_refused_and_adds_no_pool()
    {
        var folder = Directory.CreateTempSubdirectory("quanet-pqc-").FullName;
        PqcIdentity.Write(folder, "KME_A");
        PqcIdentity.Write(folder, "KME_B");
        PqcIdentity.Write(folder, "MALLORY");
        var (storeA, dirA) = Node(folder, "KME_A", "KME_B");
        var (storeB, dirB) = Node(folder, "KME_B", "KME_A");
        using (storeA)
        using (storeB)
        {
            // B trusts KME_A's real key, but the initiator signs with Mallory's.
            var responder = new HybridAgreement(storeB, dirB, PqcIdentity.Load(Path.Combine(folder, "KME_B.mldsa.key")), PqcIdentity.Load(Path.Combine(folder, "KME_A.mldsa.pub")));
            var impostor = new HybridAgreement(storeA, dirA, PqcIdentity.Load(Path.Combine(folder, "MALLORY.mldsa.key")), PqcIdentity.Load(Path.Combine(folder, "KME_B.mldsa.pub")));
            var honest = new HybridAgreement(storeA, dirA, PqcIdentity.Load(Path.Combine(folder, "KME_A.mldsa.key")), PqcIdentity.Load(Path.Combine(folder, "KME_B.mldsa.pub")));
            var channel = new InProcessPeer("KME_B", responder);

            var refused = await Assert.ThrowsAsync<KeyDeliveryException>(() => impostor.AgreeAsync(channel, 8, CancellationToken.None));
            await honest.AgreeAsync(channel, 8, CancellationToken.None);
            var link = dirA.PeerLink!;

            Assert.Equal(DeliveryError.Unauthorized, refused.Error);
            Assert.Equal(8, storeA.CountAllBlocks(link));
            Assert.Equal(8, storeB.CountAllBlocks(link));
            var atA = await storeA.IssueAsync(new IssueRequest(link, "KME_A", 1, 512, "SAE_A", ["SAE_B"], [], Syncing: true));
            await storeB.ApplyPeerKeysAsync(link, "KME_A", [new PeerKey { KeyId = atA[0].KeyId, Master = "SAE_A", Slaves = ["SAE_B"], SizeBits = 512, Blocks = [.. atA[0].Blocks] }], sae => sae == "SAE_B");
            var atB = await storeB.DeliverAsync([atA[0].KeyId], "SAE_B", "SAE_A");
            Assert.Equal(atA[0].Material, atB[0].Material);
        }

        Directory.Delete(folder, recursive: true);
    }

    private static (SqliteKeyStore, SaeDirectory) Node(string folder, string self, string peer)
    {
        var options = new KmeOptions { KmeId = self, PeerKmeId = peer };
        options.Saes.Add(new SaeEntry { Id = "SAE_A", Kme = "KME_A" });
        options.Saes.Add(new SaeEntry { Id = "SAE_B", Kme = "KME_B" });
        return (new SqliteKeyStore(Path.Combine(folder, self + ".db"), RandomNumberGenerator.GetBytes(32)), new SaeDirectory(options));
    }

    private static KmeOptions Pqc(Pki pki, string kme, int port, string peer, int peerPort)
    {
        using var template = new KmePair();
        var options = template.Options(kme, port, peer, peerPort, kme + "-pqc");
        template.Pki.Dispose();
        options.CaCertificate = Path.Combine(pki.Folder, "ca.crt");
        options.Certificate = Path.Combine(pki.Folder, kme + ".crt");
        options.PrivateKey = Path.Combine(pki.Folder, kme + ".key");
        options.StorePath = Path.Combine(pki.Folder, kme + "-pqc.db");
        options.MaxKeyCount = 200;
        options.Supply.Mode = "pqc";
        options.Supply.RateBitsPerSecond = 200_000;
        options.Supply.SigningKeyFile = Path.Combine(pki.Folder, kme + ".mldsa.key");
        options.Supply.PeerVerifyKeyFile = Path.Combine(pki.Folder, peer + ".mldsa.pub");
        return options;
    }

    private sealed class InProcessPeer(string kmeId, HybridAgreement responder) : IPeerKme
    {
        public string KmeId => kmeId;

        public Task PushKeysAsync(PeerKeyBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task PushPoolAsync(PoolBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<HandshakeReply> HandshakeAsync(HandshakeInit init, CancellationToken cancellationToken) => responder.RespondAsync("KME_A", init);

        public Task ConfirmAsync(PoolBatch range, CancellationToken cancellationToken) => responder.ConfirmAsync("KME_A", range);
    }
}
