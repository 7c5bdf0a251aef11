namespace Quanet.Cli.Tests;

public sealed class OpsCollectorCommandTests
{
    [Fact]
    public async Task Collector_reports_every_bad_option_together_as_a_usage_error()
    {
        var (code, output, err) = await CliHarness.RunAsync("ops", "collector", "--nats", "http://x", "--inventory", "/no/such.json", "--credentials", "/no/server.db");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error: --nats must be nats://HOST:PORT or tls://HOST:PORT, comma-separated (got 'http://x')", err, StringComparison.Ordinal);
        Assert.Contains("error: --inventory must be an existing file", err, StringComparison.Ordinal);
        Assert.Contains("error: --credentials must be an existing file", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collector_exits_1_in_one_line_when_no_NATS_server_answers()
    {
        var folder = Directory.CreateTempSubdirectory("quanet-collector-").FullName;
        try
        {
            var inventory = Path.Combine(folder, "inventory.json");
            File.WriteAllText(inventory, Quanet.Operations.Inventory.InventoryJson.Write(Quanet.Operations.Inventory.SyntheticInventory.Create()));
            var credentials = Path.Combine(folder, "server.db");
            new Quanet.Server.Security.ApiKeyStore(credentials).Add("sender", "operator", DateTimeOffset.UnixEpoch);

            // port 9 (discard) on loopback: nothing listens
            var (code, _, err) = await CliHarness.RunAsync("ops", "collector", "--nats", "nats://127.0.0.1:9", "--inventory", inventory, "--credentials", credentials, "--ack-timeout", "1", "--listen", "127.0.0.1:0");

            Assert.Equal(1, code);
            Assert.StartsWith("error: the ingestion log at nats://127.0.0.1:9 is unavailable", err, StringComparison.Ordinal);
            Assert.Single(err.TrimEnd().Split('\n'));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
