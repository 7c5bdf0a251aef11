using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Quanet.Core;
using Quanet.Kme.Certificates;
using Quanet.Kme.Configuration;
using Quanet.Kme.Hosting;
using Quanet.Server.Plans;
using Quanet.Server.Security;
using Quanet.Testing.Postgres;

namespace Quanet.Server.Tests.Plans;

/// <summary>
/// <c>GET /api/v1/kmes</c> against a real KME on 127.0.0.1 (mutual TLS, its own CA): the server asks for the
/// ETSI GS QKD 014 status as an SAE of its own, and says why when it cannot.
/// </summary>
public sealed class KmeStatusTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-kmes-").FullName;

    [Fact]
    public async Task Status_is_the_kmes_own_answer_or_the_reason_there_is_none()
    {
        DevCertificateAuthority.Write(_folder, ["KME_A"], ["SAE_B", "noc", "stranger"], DateTimeOffset.UtcNow);
        await using var kme = await KmeServer.StartAsync(Options(), TimeProvider.System);
        using var listening = new TcpListener(IPAddress.Loopback, 0);
        listening.Start();
        var open = ((IPEndPoint)listening.LocalEndpoint).Port;
        KmeEndpoint[] kmes =
        [
            new("KME_A", kme.BaseAddress, Credentials("noc")),
            new("KME_A2", kme.BaseAddress, Credentials("stranger")),
            new("KME_X", new Uri($"https://127.0.0.1:{HostPrograms.FreePort()}/"), Credentials("noc")),
            new("KME_T", new Uri($"https://127.0.0.1:{open}/")),
            new("KME_C", null),
        ];
        await using var harness = await ServerHarness.StartAsync(o => o with { Plans = o.Plans with { Kmes = kmes } });
        using var viewer = harness.Client(Roles.Viewer);

        var body = await viewer.GetFromJsonAsync<JsonElement>("api/v1/kmes");

        var states = body.GetProperty("kmes").EnumerateArray().ToDictionary(k => k.GetProperty("name").GetString()!);
        var a = states["KME_A"];
        Assert.Equal("ok", a.GetProperty("state").GetString());
        var status = a.GetProperty("status");
        Assert.Equal("KME_A", status.GetProperty("sourceKmeId").GetString());
        Assert.Equal("noc", status.GetProperty("masterSaeId").GetString());
        Assert.Equal("SAE_B", status.GetProperty("slaveSaeId").GetString());
        Assert.Equal(1000, status.GetProperty("maxKeyCount").GetInt64());
        Assert.InRange(status.GetProperty("storedKeyCount").GetInt64(), 0, 1000);
        // the KME_A2 entry expects a KME named KME_A2: the KME_A certificate is refused before any request
        Assert.Equal("tls failed", states["KME_A2"].GetProperty("state").GetString());
        Assert.Equal("unreachable", states["KME_X"].GetProperty("state").GetString());
        Assert.Equal("reachable", states["KME_T"].GetProperty("state").GetString());
        Assert.Equal("not configured", states["KME_C"].GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client().GetAsync("api/v1/kmes")).StatusCode);
    }

    [Fact]
    public async Task An_sae_the_kme_does_not_know_is_refused_with_the_kmes_reason()
    {
        DevCertificateAuthority.Write(_folder, ["KME_A"], ["SAE_B", "noc", "stranger"], DateTimeOffset.UtcNow);
        await using var kme = await KmeServer.StartAsync(Options(), TimeProvider.System);
        await using var harness = await ServerHarness.StartAsync(o => o with { Plans = o.Plans with { Kmes = [new("KME_A", kme.BaseAddress, Credentials("stranger"))] } });
        using var viewer = harness.Client(Roles.Viewer);

        var kmeState = (await viewer.GetFromJsonAsync<JsonElement>("api/v1/kmes")).GetProperty("kmes")[0];

        Assert.Equal("refused", kmeState.GetProperty("state").GetString());
        Assert.StartsWith("HTTP 401", kmeState.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, kmeState.GetProperty("status").ValueKind);
    }

    [Fact]
    public async Task A_key_file_that_cannot_be_read_stops_the_start_with_one_line()
    {
        DevCertificateAuthority.Write(_folder, ["KME_A"], ["noc"], DateTimeOffset.UtcNow);
        File.WriteAllText(Path.Combine(_folder, "noc.key"), "not a key");

        var ex = await Assert.ThrowsAsync<QuanetException>(() => ServerHarness.StartAsync(o => o with
        {
            Plans = o.Plans with { Kmes = [new("KME_A", new Uri("https://127.0.0.1:1/"), Credentials("noc"))] },
        }));

        Assert.StartsWith("KME KME_A: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void The_list_file_resolves_paths_from_its_folder_and_names_the_bad_field()
    {
        DevCertificateAuthority.Write(_folder, ["KME_A"], ["noc"], DateTimeOffset.UtcNow);
        var good = Path.Combine(_folder, "kmes.json");
        File.WriteAllText(good, """{"kmes":[{"name":"KME_A","url":"https://127.0.0.1:8443","ca":"ca.crt","cert":"noc.crt","key":"noc.key","slave_sae":"SAE_B"},{"name":"KME_B","url":"https://10.0.0.2:8443"}]}""");
        var bad = Path.Combine(_folder, "bad.json");

        var kmes = KmeListFile.Read(good);

        Assert.Equal(Path.Combine(_folder, "noc.key"), kmes[0].Credentials!.KeyFile);
        Assert.Equal("SAE_B", kmes[0].Credentials!.SlaveSaeId);
        Assert.Null(kmes[1].Credentials);
        Assert.Equal("bad.json:1: kmes[0].url: 'http://x' is not an https URL", Refusal(bad, """{"kmes":[{"name":"KME_A","url":"http://x"}]}"""));
        Assert.Equal("bad.json:1: kmes[0]: cert need ca, key, slave_sae too", Refusal(bad, """{"kmes":[{"name":"KME_A","url":"https://x","cert":"noc.crt"}]}"""));
        Assert.StartsWith("bad.json:1: kmes[0].key: no file ", Refusal(bad, """{"kmes":[{"name":"A","url":"https://x","ca":"ca.crt","cert":"noc.crt","key":"gone.key","slave_sae":"B"}]}"""), StringComparison.Ordinal);
        Assert.Equal("bad.json:1: KME 'A' is listed twice", Refusal(bad, """{"kmes":[{"name":"A"},{"name":"A"}]}"""));
        Assert.Equal("bad.json:1: expected an object with a \"kmes\" array", Refusal(bad, "[]"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Refusal(string path, string text)
    {
        File.WriteAllText(path, text);
        return Assert.Throws<InputFormatException>(() => KmeListFile.Read(path)).Message;
    }

    private KmeCredentials Credentials(string sae) =>
        new(Path.Combine(_folder, "ca.crt"), Path.Combine(_folder, sae + ".crt"), Path.Combine(_folder, sae + ".key"), "SAE_B");

    private KmeOptions Options()
    {
        var options = new KmeOptions
        {
            KmeId = "KME_A",
            Listen = "127.0.0.1:0",
            CaCertificate = Path.Combine(_folder, "ca.crt"),
            Certificate = Path.Combine(_folder, "KME_A.crt"),
            PrivateKey = Path.Combine(_folder, "KME_A.key"),
            StorePath = Path.Combine(_folder, "kme.db"),
            StoreKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            MaxKeyCount = 1000,
        };
        options.Saes.Add(new SaeEntry { Id = "SAE_B", Kme = "KME_A" });
        options.Saes.Add(new SaeEntry { Id = "noc", Kme = "KME_A" });
        return options;
    }
}
