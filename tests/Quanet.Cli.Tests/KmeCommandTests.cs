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
        var options = KmeDefaults.Local("KME_A", _folder, ["SAE_A", "SAE_B"], "127.0.0.1:0");
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
        Assert.Contains("--config FILE, or --kme-id, --certs and at least one --sae", err, StringComparison.Ordinal);
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
