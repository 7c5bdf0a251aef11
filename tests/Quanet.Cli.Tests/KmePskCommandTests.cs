using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;
using Quanet.Kme.Configuration;
using Quanet.Kme.Hosting;

namespace Quanet.Cli.Tests;

/// <summary>
/// <c>quanet kme psk</c> against two real KMEs on 127.0.0.1 (KME_1 with SAE_1, KME_2 with SAE_2, linked), feeding
/// real OpenSSL TLS 1.3 external-PSK sessions: SAE_1 makes the key at KME_1 (enc_keys) and uses its key_ID as the
/// PSK identity, SAE_2 fetches it at KME_2 (dec_keys) by that key_ID.
/// </summary>
public sealed class KmePskCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-kme-psk-").FullName;
    private KmeServer _kme1 = null!;
    private KmeServer _kme2 = null!;

    public async Task InitializeAsync()
    {
        var (code, _, err) = await CliHarness.RunAsync("kme", "certs", "--out", _folder, "--kme", "KME_1", "--kme", "KME_2", "--sae", "SAE_1", "--sae", "SAE_2");
        Assert.True(code == 0, err);
        (code, _, err) = await CliHarness.RunAsync("pqc", "keygen", "ML-KEM-768", "--out", Path.Combine(_folder, "SAE_2.kem"));
        Assert.True(code == 0, err);
        var port1 = FreePort();
        var port2 = FreePort();
        _kme1 = await KmeServer.StartAsync(Options("KME_1", port1, "KME_2", port2), TimeProvider.System);
        _kme2 = await KmeServer.StartAsync(Options("KME_2", port2, "KME_1", port1), TimeProvider.System);
        using var client = new KmeClient(_kme1.BaseAddress, CertificateFiles.LoadCertificateWithKey(Path.Combine(_folder, "SAE_1.crt"), Path.Combine(_folder, "SAE_1.key")), CertificateFiles.LoadCertificate(Path.Combine(_folder, "ca.crt")));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetStatusAsync("SAE_2")).Value is not { StoredKeyCount: >= 16 })
        {
            Assert.True(DateTime.UtcNow < deadline, "the KME_1-KME_2 pool did not fill within 60 s");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await _kme1.DisposeAsync();
        await _kme2.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [RequiresOpenSslFact]
    public async Task Tls_sessions_carry_a_file_byte_for_byte_under_a_new_QKD_key_each()
    {
        var payload = RandomNumberGenerator.GetBytes(64 * 1024);
        var identities = new HashSet<string>();
        var keys = new HashSet<string>();

        for (var session = 0; session < 3; session++)
        {
            var client = await PskAsync(_kme1, "SAE_1", "SAE_2");
            var identity = Identity(client);
            var server = await PskAsync(_kme2, "SAE_2", "SAE_1", "--key-id", identity);

            var (exit, error, received) = await OpenSslSession.RunAsync(server, client, payload);

            Assert.Equal(client, server);
            Assert.True(exit == 0, error);
            Assert.Equal(payload, received);
            identities.Add(identity);
            keys.Add(client.Split(' ')[1]);
        }

        Assert.Equal(3, identities.Count);
        Assert.Equal(3, keys.Count);
    }

    [RequiresOpenSslFact]
    public async Task A_session_with_a_wrong_psk_fails_and_carries_nothing()
    {
        var client = await PskAsync(_kme1, "SAE_1", "SAE_2");
        var identity = Identity(client);
        var other = await PskAsync(_kme1, "SAE_1", "SAE_2");
        var wrong = $"-psk {other.Split(' ')[1]} -psk_identity {identity}";

        var (exit, error, received) = await OpenSslSession.RunAsync(wrong, client, RandomNumberGenerator.GetBytes(4096));

        Assert.NotEqual(0, exit);
        Assert.Contains("alert", error, StringComparison.Ordinal);
        Assert.Empty(received);
    }

    [Fact]
    public async Task A_key_is_fetched_once_only()
    {
        var client = await PskAsync(_kme1, "SAE_1", "SAE_2");
        var identity = Identity(client);
        await PskAsync(_kme2, "SAE_2", "SAE_1", "--key-id", identity);

        var (code, _, err) = await CliHarness.RunAsync(["kme", "psk", "SAE_1", "--url", _kme2.BaseAddress.ToString(), "--certs", _folder, "--as", "SAE_2", "--key-id", identity]);

        Assert.Equal(1, code);
        Assert.Contains("key not found", err, StringComparison.Ordinal);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [RequiresOpenSslFact]
    public async Task Hybrid_keys_agree_at_both_ends_are_written_owner_only_and_protect_a_session()
    {
        var ciphertext = Path.Combine(_folder, "session.ct");
        var clientKey = Path.Combine(_folder, "client.psk");
        var serverKey = Path.Combine(_folder, "server.psk");
        var payload = RandomNumberGenerator.GetBytes(10_000);

        var clientLine = await PskAsync(_kme1, "SAE_1", "SAE_2", "--kem-public", Path.Combine(_folder, "SAE_2.kem.pub"), "--kem-ciphertext", ciphertext, "--out", clientKey);
        var identity = clientLine.Split(' ')[0];
        var serverJson = await PskAsync(_kme2, "SAE_2", "SAE_1", "--key-id", identity, "--kem-private", Path.Combine(_folder, "SAE_2.kem.key"), "--kem-ciphertext", ciphertext, "--out", serverKey, "--json");
        var psk = File.ReadAllText(clientKey).Trim();
        var arguments = $"-psk {psk} -psk_identity {identity}";
        var (exit, error, received) = await OpenSslSession.RunAsync(arguments, arguments, payload);

        Assert.Equal($"{identity} qkd+ml-kem-768", clientLine.Trim());
        Assert.Equal(File.ReadAllText(clientKey), File.ReadAllText(serverKey));
        Assert.Equal(64, psk.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(serverKey));
        var record = JsonDocument.Parse(serverJson).RootElement;
        Assert.Equal("qkd+ml-kem-768", record.GetProperty("parts").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("psk").ValueKind);
        Assert.DoesNotContain(psk, serverJson, StringComparison.Ordinal);
        Assert.True(exit == 0, error);
        Assert.Equal(payload, received);
    }

    [Fact]
    public async Task WireGuard_format_prints_the_key_ID_and_a_base64_256_bit_key()
    {
        var line = await PskAsync(_kme1, "SAE_1", "SAE_2", "--format", "wireguard");

        var parts = line.Trim().Split(' ');
        Assert.True(Guid.TryParseExact(parts[0], "D", out _), line);
        Assert.Equal(32, Convert.FromBase64String(parts[1]).Length);
    }

    [Theory]
    [InlineData("--kem-private needs --key-id (the slave side fetches a key)", "--kem-private", "ca.crt", "--kem-ciphertext", "x.ct")]
    [InlineData("--format wireguard needs --size 256", "--format", "wireguard", "--size", "128")]
    [InlineData("a hybrid key needs --kem-ciphertext FILE", "--kem-public", "ca.crt")]
    [InlineData("--key-id 'nope' is not a UUID", "--key-id", "nope")]
    public async Task Usage_errors_exit_2_with_one_line(string message, params string[] extra)
    {
        var arguments = extra.Select(a => a.EndsWith(".crt", StringComparison.Ordinal) ? Path.Combine(_folder, a) : a);

        var (code, _, err) = await CliHarness.RunAsync(["kme", "psk", "SAE_2", "--url", _kme1.BaseAddress.ToString(), "--certs", _folder, "--as", "SAE_1", .. arguments]);

        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    private async Task<string> PskAsync(KmeServer kme, string self, string peer, params string[] extra)
    {
        var (code, output, err) = await CliHarness.RunAsync(["kme", "psk", peer, "--url", kme.BaseAddress.ToString(), "--certs", _folder, "--as", self, .. extra]);
        Assert.True(code == 0, err);
        return output.Trim();
    }

    private static string Identity(string opensslArguments) => opensslArguments.Split(' ')[3];

    private KmeOptions Options(string kme, int port, string peer, int peerPort)
    {
        var options = KmeDefaults.Local(kme, _folder, [], "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
        options.Saes.Add(new SaeEntry { Id = "SAE_1", Kme = "KME_1" });
        options.Saes.Add(new SaeEntry { Id = "SAE_2", Kme = "KME_2" });
        options.PeerKmeId = peer;
        options.PeerUrl = "https://127.0.0.1:" + peerPort.ToString(CultureInfo.InvariantCulture);
        options.StorePath = Path.Combine(_folder, kme + ".db");
        options.Supply.RateBitsPerSecond = 1_000_000;
        return options;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
