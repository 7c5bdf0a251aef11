using System.Globalization;
using System.Security.Cryptography;
using Quanet.Kme.Client;
using Quanet.Kme.Configuration;
using Quanet.Kme.Hosting;

namespace Quanet.Kme.Tests.Support;

/// <summary>
/// Two linked KMEs on 127.0.0.1 (SAE_A and SAE_C at KME_A, SAE_B at KME_B) plus a single local KME_A with a
/// tiny pool; real HTTPS with the certificates of <see cref="Pki"/>.
/// </summary>
public sealed class KmePair : IAsyncLifetime, IDisposable
{
    internal Pki Pki { get; } = new();

    public KmeServer A { get; private set; } = null!;

    public KmeServer B { get; private set; } = null!;

    public KmeServer Small { get; private set; } = null!;

    public KmeServer Lenient { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var portA = Ports.Free();
        var portB = Ports.Free();
        // the two sites run the stricter handshake mode; Lenient below has the default (401 answers)
        var a = Options("KME_A", portA, "KME_B", portB, "a");
        a.ClientCertificates = "require";
        var b = Options("KME_B", portB, "KME_A", portA, "b");
        b.ClientCertificates = "require";
        A = await KmeServer.StartAsync(a, TimeProvider.System);
        B = await KmeServer.StartAsync(b, TimeProvider.System);
        var small = Options("KME_A", 0, null, 0, "small");
        small.MaxKeyCount = 3;
        small.Supply.RateBitsPerSecond = 1;
        Small = await KmeServer.StartAsync(small, TimeProvider.System);
        var lenient = Options("KME_A", 0, null, 0, "lenient");
        Lenient = await KmeServer.StartAsync(lenient, TimeProvider.System);
        // The concurrency test draws 10,000 keys at each site from the shared pool.
        using var atA = Client(A, "SAE_A");
        using var atB = Client(B, "SAE_B");
        await WaitForKeysAsync(atA, "SAE_B", 10_300);
        await WaitForKeysAsync(atB, "SAE_A", 10_300);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Small.DisposeAsync();
        await Lenient.DisposeAsync();
        Pki.Dispose();
    }

    public void Dispose() => Pki.Dispose();

    public KmeClient Client(KmeServer server, string sae) => new(server.BaseAddress, Pki.Identity(sae), Pki.Ca);

    internal KmeOptions Options(string kme, int port, string? peer, int peerPort, string store)
    {
        var options = new KmeOptions
        {
            KmeId = kme,
            Listen = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            CaCertificate = Path.Combine(Pki.Folder, "ca.crt"),
            Certificate = Path.Combine(Pki.Folder, kme + ".crt"),
            PrivateKey = Path.Combine(Pki.Folder, kme + ".key"),
            StorePath = Path.Combine(Pki.Folder, store + ".db"),
            StoreKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            MaxKeyCount = 21_000,
            MaxKeyPerRequest = 16,
            MaxSaeIdCount = 2,
            Supply = new KeySupplyOptions { RateBitsPerSecond = 20_000_000, TickMilliseconds = 50 },
        };
        options.Saes.Add(new SaeEntry { Id = "SAE_A", Kme = "KME_A" });
        options.Saes.Add(new SaeEntry { Id = "SAE_C", Kme = "KME_A" });
        options.Saes.Add(new SaeEntry { Id = "SAE_B", Kme = peer is null ? "KME_A" : "KME_B" });
        if (peer is not null)
        {
            options.PeerKmeId = peer;
            options.PeerUrl = "https://127.0.0.1:" + peerPort.ToString(CultureInfo.InvariantCulture);
        }

        return options;
    }

    internal static async Task WaitForKeysAsync(KmeClient client, string slave, long count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await client.GetStatusAsync(slave);
            if (status.Value is { } value && value.StoredKeyCount >= count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"pool did not reach {count} keys (status {status.StatusCode}, {status.Value?.StoredKeyCount})");
            }

            await Task.Delay(50);
        }
    }
}
