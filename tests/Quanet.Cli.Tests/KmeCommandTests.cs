using System.Text.Json;
using Quanet.Kme.Configuration;
using Quanet.Kme.Hosting;

namespace Quanet.Cli.Tests;

public sealed class KmeCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-kme-cli-").FullName;
    private KmeServer _server = null!;

    public async Task InitializeAsync()
    {
        var (code, _, err) = await CliHarness.RunAsync("kme", "certs", "--out", _folder, "--kme", "KME_A", "--sae", "SAE_A", "--sae", "SAE_B");
        Assert.True(code == 0, err);
        // SAE_9 is in the table before its certificate exists: 'certs add-sae' issues it later.
        var options = KmeDefaults.Local("KME_A", _folder, ["SAE_A", "SAE_B", "SAE_9"], "127.0.0.1:0");
        options.Supply.RateBitsPerSecond = 10_000_000;
        _server = await KmeServer.StartAsync(options, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Certs_writes_the_CA_and_a_certificate_and_key_per_KME_and_SAE()
    {
        string[] expected = ["ca.crt", "KME_A.crt", "KME_A.key", "KME_A.mldsa.key", "KME_A.mldsa.pub", "SAE_A.crt", "SAE_A.key", "SAE_B.crt", "SAE_B.key"];

        Assert.All(expected, file => Assert.True(File.Exists(Path.Combine(_folder, file)), file));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(Path.Combine(_folder, "SAE_A.crt")), StringComparison.Ordinal);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Fact]
    public void Certs_keeps_the_CA_key_and_writes_every_private_key_readable_by_its_owner_only()
    {
        var keys = Directory.GetFiles(_folder, "*.key");

        Assert.Equal(["KME_A.key", "KME_A.mldsa.key", "SAE_A.key", "SAE_B.key", "ca.key"], keys.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(keys, key => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key)));
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Fact]
    public async Task Certs_add_sae_issues_from_the_kept_CA_and_the_running_KME_accepts_the_new_SAE()
    {
        var before = await File.ReadAllTextAsync(Path.Combine(_folder, "SAE_A.crt"));

        var (code, output, err) = await CliHarness.RunAsync("kme", "certs", "add-sae", "--certs", _folder, "--sae", "SAE_9");
        var (again, _, againErr) = await CliHarness.RunAsync("kme", "certs", "add-sae", "--certs", _folder, "--sae", "SAE_9");
        var (statusCode, statusOut, statusErr) = await CliHarness.RunAsync("kme", "status", "SAE_A", "--url", _server.BaseAddress.ToString(), "--certs", _folder, "--as", "SAE_9", "--json");

        Assert.True(code == 0, err);
        Assert.Equal([Path.Combine(_folder, "SAE_9.crt"), Path.Combine(_folder, "SAE_9.key")], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "SAE_9.key")));
        using var ca = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(_folder, "ca.crt")));
        using var issued = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(_folder, "SAE_9.crt")));
        Assert.Equal(ca.SubjectName.Name, issued.IssuerName.Name);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(_folder, "SAE_A.crt")));
        Assert.Equal(1, again);
        Assert.Contains("a certificate for 'SAE_9' already exists", againErr, StringComparison.Ordinal);
        Assert.True(statusCode == 0, statusErr);
        Assert.Equal("SAE_9", JsonDocument.Parse(statusOut).RootElement.GetProperty("master_SAE_ID").GetString());
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Fact]
    public async Task Certs_add_kme_writes_a_server_certificate_and_identity_key_from_the_kept_CA()
    {
        var (code, output, err) = await CliHarness.RunAsync("kme", "certs", "add-kme", "--certs", _folder, "--kme", "KME_C");

        Assert.True(code == 0, err);
        Assert.Equal(["KME_C.crt", "KME_C.key", "KME_C.mldsa.key", "KME_C.mldsa.pub"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFileName));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "KME_C.mldsa.key")));
    }

    [Fact]
    public async Task Status_against_a_stopped_KME_is_one_line_naming_the_URL_and_exit_1()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var url = $"https://127.0.0.1:{port}/";

        var (code, _, err) = await CliHarness.RunAsync("kme", "status", "SAE_B", "--url", url, "--certs", _folder, "--as", "SAE_A");

        Assert.Equal(1, code);
        Assert.StartsWith($"error: no KME answers at {url} (", err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("internal error", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_then_dec_hands_the_same_key_to_master_and_slave()
    {
        var url = _server.BaseAddress.ToString();
        await WaitForPoolAsync(url);

        var (getCode, getOut, getErr) = await CliHarness.RunAsync("kme", "get", "SAE_B", "--number", "2", "--size", "128", "--url", url, "--certs", _folder, "--as", "SAE_A", "--json");
        var keys = JsonDocument.Parse(getOut).RootElement.GetProperty("keys");
        var id = keys[0].GetProperty("key_ID").GetString()!;
        var (decCode, decOut, _) = await CliHarness.RunAsync("kme", "dec", "SAE_A", id, "--url", url, "--certs", _folder, "--as", "SAE_B");
        var (againCode, _, againErr) = await CliHarness.RunAsync("kme", "dec", "SAE_A", id, "--url", url, "--certs", _folder, "--as", "SAE_B");

        Assert.True(getCode == 0, getErr);
        Assert.Equal(2, keys.GetArrayLength());
        Assert.Equal(0, decCode);
        Assert.Equal($"{id} {keys[0].GetProperty("key").GetString()}", decOut.Trim());
        Assert.Equal(1, againCode);
        Assert.StartsWith("error: KME answered 400: key not found", againErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_prints_the_ETSI_status_fields()
    {
        var (code, output, _) = await CliHarness.RunAsync("kme", "status", "SAE_B", "--url", _server.BaseAddress.ToString(), "--certs", _folder, "--as", "SAE_A", "--json");

        var status = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0, code);
        Assert.Equal("KME_A", status.GetProperty("source_KME_ID").GetString());
        Assert.Equal("SAE_B", status.GetProperty("slave_SAE_ID").GetString());
    }

    [Fact]
    public async Task A_refused_request_is_one_error_line_with_the_KME_answer()
    {
        var (code, _, err) = await CliHarness.RunAsync("kme", "get", "SAE_B", "--size", "100", "--url", _server.BaseAddress.ToString(), "--certs", _folder, "--as", "SAE_A");

        Assert.Equal(1, code);
        Assert.Equal("error: KME answered 400: bad Key request (size: must be a multiple of 8, got 100)", err.Trim());
    }

    [Fact]
    public async Task Serve_without_config_or_identity_is_a_usage_error()
    {
        var (code, _, err) = await CliHarness.RunAsync("kme", "serve");

        Assert.Equal(2, code);
        Assert.Contains("give --config FILE, --topology FILE with --kme-id and --certs, or --kme-id, --certs and at least one --sae", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_malformed_config_names_the_file_and_line()
    {
        var config = Path.Combine(_folder, "kme.json");
        await File.WriteAllTextAsync(config, "{\n  \"Kme\": {\n    \"KmeId\": \"KME_A\",\n    \"Saes\": [ oops ]\n  }\n}\n");

        var (code, _, err) = await CliHarness.RunAsync("kme", "serve", "--config", config);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {config}:4:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_an_inconsistent_config_lists_every_problem()
    {
        var config = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(config, "{ \"Kme\": { \"KmeId\": \"KME_A\", \"DefaultKeySize\": 100, \"Supply\": { \"Mode\": \"magic\" } } }");

        var (code, _, err) = await CliHarness.RunAsync("kme", "serve", "--config", config);

        Assert.Equal(1, code);
        Assert.Contains("CaCertificate is required", err, StringComparison.Ordinal);
        Assert.Contains("Saes must list at least one SAE", err, StringComparison.Ordinal);
        Assert.Contains("multiples of 8", err, StringComparison.Ordinal);
        Assert.Contains("Supply.Mode must be 'qkd' or 'pqc'", err, StringComparison.Ordinal);
    }

    private async Task WaitForPoolAsync(string url)
    {
        for (var i = 0; i < 200; i++)
        {
            var (_, output, _) = await CliHarness.RunAsync("kme", "status", "SAE_B", "--url", url, "--certs", _folder, "--as", "SAE_A", "--json");
            if (output.Length > 0 && JsonDocument.Parse(output).RootElement.GetProperty("stored_key_count").GetInt64() > 10)
            {
                return;
            }

            await Task.Delay(50);
        }
    }
}
