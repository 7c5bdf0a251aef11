using System.Security.Cryptography;
using Quanet.Kme.Configuration;
using Quanet.Kme.Peering;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;
using Quanet.Kme.Supply;

namespace Quanet.Kme.Tests.Supply;

/// <summary>
/// A KME stopping while its pool push to the peer fails (the peer stopped first, its port refuses) must end the supply
/// loop by cancellation: the error of a peer that is going away is not a failure of the shutdown.
/// </summary>
public sealed class SupplyShutdownTests
{
    [Fact]
    public async Task A_pool_push_refused_while_the_KME_stops_ends_the_supply_loop_by_cancellation()
    {
        var folder = Directory.CreateTempSubdirectory("quanet-supply-").FullName;
        var options = new KmeOptions { KmeId = "KME_A", PeerKmeId = "KME_B", MaxKeyCount = 4 };
        options.Saes.Add(new SaeEntry { Id = "SAE_A", Kme = "KME_A" });
        options.Saes.Add(new SaeEntry { Id = "SAE_B", Kme = "KME_B" });
        options.Supply.TickMilliseconds = 10;
        using var stopping = new CancellationTokenSource();
        var peer = new RefusingPeer(stopping);
        var lines = new List<string>();
        using (var store = new SqliteKeyStore(Path.Combine(folder, "a.db"), RandomNumberGenerator.GetBytes(32)))
        {
            var supplier = new QkdPoolSupplier(store, new SaeDirectory(options), options, peer, TimeProvider.System, lines.Add);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => supplier.RunAsync(stopping.Token));

            Assert.True(peer.Pushes >= 1);
            Assert.Empty(lines);
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The peer's port refuses the connection, and the KME's shutdown begins during that push.</summary>
    private sealed class RefusingPeer(CancellationTokenSource stopping) : IPeerKme
    {
        public int Pushes { get; private set; }

        public string KmeId => "KME_B";

        public Task PushKeysAsync(PeerKeyBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async Task PushPoolAsync(PoolBatch batch, CancellationToken cancellationToken)
        {
            Pushes++;
            await stopping.CancelAsync();
            throw new HttpRequestException("Connection refused (127.0.0.1:9)");
        }

        public Task<HandshakeReply> HandshakeAsync(HandshakeInit init, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ConfirmAsync(PoolBatch range, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
