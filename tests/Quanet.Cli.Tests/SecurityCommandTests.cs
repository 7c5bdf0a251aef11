using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class SecurityCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-security-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Qkd_rate_prints_the_GYS_rate_as_one_JSON_document()
    {
        var (code, output, _) = await CliHarness.RunAsync("qkd", "rate", "--distance", "50", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["rate_per_pulse", "rate_bps", "qber", "mu"], names);
        Assert.InRange(json.RootElement.GetProperty("rate_per_pulse").GetDouble(), 2.226e-4 * 0.99, 2.226e-4 * 1.01);
        Assert.InRange(json.RootElement.GetProperty("rate_bps").GetDouble(), 2.2e5, 2.25e5);
    }

    [Fact]
    public async Task Qkd_rate_sweep_gives_an_array_with_distances_and_writes_a_png()
    {
        var png = PathOf("rate.png");

        var (code, output, _) = await CliHarness.RunAsync("qkd", "rate", "--sweep", "0:150:50", "--protocol", "vacuum-weak", "--json", "--plot", png);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var distances = json.RootElement.EnumerateArray().Select(e => e.GetProperty("distance_km").GetDouble()).ToArray();
        Assert.Equal([0.0, 50, 100, 150], distances);
        Assert.Equal(0, json.RootElement[3].GetProperty("rate_per_pulse").GetDouble());
        var header = File.ReadAllBytes(png).Take(4).ToArray();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, header);
    }

    [Fact]
    public async Task Qkd_rate_with_a_block_of_1e9_sifted_detections_gives_key_at_0_km()
    {
        // issue 20: with the block counted in pulses sent, --block-size 1e9 gave rate 0 even at 0 km
        var (code, output, _) = await CliHarness.RunAsync("qkd", "rate", "--distance", "0", "--block-size", "1e9", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.InRange(json.RootElement.GetProperty("rate_per_pulse").GetDouble(), 1.5e-3, 3.5e-3);
    }

    [Theory]
    [InlineData("130", true)]
    [InlineData("131", false)]
    public async Task Qkd_rate_with_lim_et_al_s_parameters_gives_key_at_130_km_with_a_block_of_1e4(string km, bool key)
    {
        // Lim et al., PRA 89, 022307 (2014), Fig. 1: eps_sec = kappa l with kappa 1e-15 (--secrecy-per-bit)
        var (code, output, _) = await CliHarness.RunAsync(
            "qkd", "rate", "--distance", km, "--block-size", "1e4", "--attenuation", "0.2", "--detector-efficiency", "0.1",
            "--dark-count-yield", "1.2e-6", "--misalignment", "0.005", "--ec-efficiency", "1.16", "--afterpulse", "0.04",
            "--secrecy-per-bit", "1e-15", "--epsilon-cor", "1e-15", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(key, json.RootElement.GetProperty("rate_per_pulse").GetDouble() > 0);
    }

    [Theory]
    [InlineData("--distance=-5", "error: --distance must be >= 0 km (got -5)")]
    [InlineData("--detector-efficiency=1.5", "error: --detector-efficiency must be in (0, 1] (got 1.5)")]
    [InlineData("--detector-efficiency=0", "error: --detector-efficiency must be in (0, 1] (got 0)")]
    [InlineData("--block-size=0.5", "error: --block-size must be at least 1 sifted detection (got 0.5)")]
    [InlineData("--afterpulse=1", "error: --afterpulse must be in [0, 1) (got 1)")]
    [InlineData("--secrecy-per-bit=0", "error: --secrecy-per-bit must be in (0, 1) (got 0)")]
    [InlineData("--protocol=bb85", "error: --protocol must be one of decoy, vacuum-weak, gllp (got 'bb85')")]
    [InlineData("--sweep=10:0:5", "error: --sweep must be START:STOP:STEP with 0 <= START <= STOP and STEP > 0 (got '10:0:5')")]
    [InlineData("--sweep=0:1e9:1e-3", "error: --sweep must have at most 100000 points (got 2147483647 from '0:1e9:1e-3')")]
    public async Task Qkd_rate_rejects_bad_parameters_with_one_line_and_exit_2(string option, string message)
    {
        var (code, output, error) = await CliHarness.RunAsync("qkd", "rate", option);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(message, Assert.Single(error.Trim().Split('\n')).Trim());
    }

    [Fact]
    public async Task Qkd_rate_reports_every_problem_together_including_clashing_options()
    {
        var (code, _, error) = await CliHarness.RunAsync(
            "qkd", "rate", "--distance", "5", "--sweep", "0:10:5", "--block-size", "1e6", "--protocol", "gllp", "--misalignment", "0.7");

        Assert.Equal(2, code);
        Assert.Contains("error: give either --distance or --sweep, not both", error, StringComparison.Ordinal);
        Assert.Contains("error: --block-size needs a decoy protocol (decoy or vacuum-weak)", error, StringComparison.Ordinal);
        Assert.Contains("error: --misalignment must be in [0, 0.5] (got 0.7)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qkd_simulate_reports_every_problem_together()
    {
        var (code, output, error) = await CliHarness.RunAsync("qkd", "simulate", "--eve", "2", "--qber-threshold", "0.6", "--pulses", "10");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error: --eve must be in [0, 1] (got 2)", error, StringComparison.Ordinal);
        Assert.Contains("error: --qber-threshold must be in (0, 0.5) (got 0.6)", error, StringComparison.Ordinal);
        Assert.Contains("error: --pulses must be in [1e3, 2e9] (got 10)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qkd_simulate_distils_identical_keys()
    {
        var (code, output, _) = await CliHarness.RunAsync("qkd", "simulate", "--distance", "10", "--pulses", "2000000", "--seed", "4", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("keys_equal").GetBoolean());
        Assert.True(json.RootElement.GetProperty("secret_key_bits").GetInt64() > 0);
        Assert.False(json.RootElement.GetProperty("aborted").GetBoolean());
    }

    [Fact]
    public async Task Qkd_simulate_with_an_eavesdropper_aborts_with_exit_1()
    {
        var (code, _, error) = await CliHarness.RunAsync("qkd", "simulate", "--distance", "10", "--pulses", "500000", "--eve", "1");

        Assert.Equal(1, code);
        Assert.StartsWith("error: round aborted: sampled QBER", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pqc_kem_round_trip_through_files()
    {
        var prefix = PathOf("bob");
        var ciphertext = PathOf("ct.bin");

        var keygen = await CliHarness.RunAsync("pqc", "keygen", "ML-KEM-768", "--out", prefix);
        var encaps = await CliHarness.RunAsync("pqc", "encaps", prefix + ".pub", "--ciphertext", ciphertext);
        var decaps = await CliHarness.RunAsync("pqc", "decaps", prefix + ".key", ciphertext);

        Assert.Equal(0, keygen.Code);
        Assert.Equal(0, encaps.Code);
        Assert.Equal(0, decaps.Code);
        Assert.Equal(64, encaps.Out.Trim().Length);
        Assert.Equal(encaps.Out.Trim(), decaps.Out.Trim());
        Assert.Equal(1088, new FileInfo(ciphertext).Length);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", File.ReadAllText(prefix + ".pub"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pqc_signature_verifies_and_a_changed_message_fails_with_exit_1()
    {
        var prefix = PathOf("alice");
        var message = PathOf("msg.txt");
        var signature = PathOf("msg.sig");
        await File.WriteAllTextAsync(message, "handover keys for cell 17");

        await CliHarness.RunAsync("pqc", "keygen", "ML-DSA-65", "--out", prefix, "--format", "der");
        var sign = await CliHarness.RunAsync("pqc", "sign", prefix + ".key", message, "--signature", signature, "--context", "quanet");
        var valid = await CliHarness.RunAsync("pqc", "verify", prefix + ".pub", message, signature, "--context", "quanet");
        await File.AppendAllTextAsync(message, "!");
        var invalid = await CliHarness.RunAsync("pqc", "verify", prefix + ".pub", message, signature, "--context", "quanet");

        Assert.Equal(0, sign.Code);
        Assert.Equal(0, valid.Code);
        Assert.Equal(1, invalid.Code);
        Assert.StartsWith("error: signature is not a valid ML-DSA-65 signature", invalid.Err.Trim(), StringComparison.Ordinal);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Theory]
    [InlineData("ML-KEM-768", "pem")]
    [InlineData("ML-KEM-768", "raw")]
    [InlineData("ML-DSA-65", "der")]
    public async Task Pqc_keygen_creates_the_private_key_readable_by_its_owner_only(string algorithm, string format)
    {
        var prefix = PathOf("bob-" + format);
        await File.WriteAllTextAsync(prefix + ".key", "an older file, world-readable");
        File.SetUnixFileMode(prefix + ".key", (UnixFileMode)0b110_100_100);

        var (code, _, error) = await CliHarness.RunAsync("pqc", "keygen", algorithm, "--out", prefix, "--format", format);

        Assert.True(code == 0, error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(prefix + ".key"));
        Assert.NotEqual("an older file, world-readable", await File.ReadAllTextAsync(prefix + ".key"));
        Assert.True(File.GetUnixFileMode(prefix + ".pub").HasFlag(UnixFileMode.UserRead));
    }

    [Fact]
    public async Task Pqc_unknown_key_format_is_a_usage_error_before_any_key_is_written()
    {
        var (code, _, error) = await CliHarness.RunAsync("pqc", "keygen", "ML-KEM-768", "--format", "jwk", "--out", PathOf("fmt"));

        Assert.Equal(2, code);
        Assert.Equal("error: --format must be one of pem, der, raw (got 'jwk')", error.Trim());
        Assert.False(File.Exists(PathOf("fmt") + ".key"));
    }

    [Fact]
    public async Task Pqc_unknown_parameter_set_is_a_usage_error()
    {
        var (code, _, error) = await CliHarness.RunAsync("pqc", "keygen", "ML-KEM-999", "--out", PathOf("x"));

        Assert.Equal(2, code);
        Assert.Equal("error: unknown parameter set 'ML-KEM-999' (expected ML-KEM-512, ML-KEM-768, ML-KEM-1024, ML-DSA-44, ML-DSA-65, ML-DSA-87)", error.Trim());
    }

    [Fact]
    public async Task Pqc_corrupt_key_file_is_one_line_and_exit_1()
    {
        var key = PathOf("broken.key");
        await File.WriteAllBytesAsync(key, new byte[123]);

        var (code, _, error) = await CliHarness.RunAsync("pqc", "decaps", key, key);

        Assert.Equal(1, code);
        Assert.Equal("error: broken.key: 123 bytes is neither PEM, DER nor a raw ML-KEM / ML-DSA key length", error.Trim());
    }

    [Fact]
    public async Task Secure_decides_per_link_and_writes_the_report_and_map_layer()
    {
        await File.WriteAllTextAsync(PathOf("backhaul.geojson"), """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[13.40,52.52],[13.60,52.40]]},"properties":{"from":"S1","to":"S2","length_km":21.4}},
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[13.40,52.52],[12.37,51.34]]},"properties":{"from":"S1","to":"S3","length_km":162.0}},
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[13.40,52.52],[11.58,48.14]]},"properties":{"from":"S1","to":"S4","length_km":585.0}}
            ]}
            """);

        var (code, output, _) = await CliHarness.RunAsync("secure", _folder, "--required-rate", "10000", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var modes = json.RootElement.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("mode").GetString() ?? string.Empty).ToArray();
        Assert.Equal(["qkd-direct", "qkd-trusted-nodes", "pqc-hybrid"], modes);
        Assert.True(File.Exists(PathOf("security.json")));
        using var layer = JsonDocument.Parse(await File.ReadAllTextAsync(PathOf("security.geojson")));
        var features = layer.RootElement.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(4, features.Length); // three links and one trusted node
        Assert.Equal("Point", features.Single(f => f.GetProperty("properties").GetProperty("layer").GetString() == "trusted-node").GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Secure_reports_a_feature_without_length_as_a_file_error()
    {
        await File.WriteAllTextAsync(PathOf("backhaul.geojson"), """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{"from":"a","to":"b"}}]}""");

        var (code, _, error) = await CliHarness.RunAsync("secure", _folder);

        Assert.Equal(1, code);
        Assert.Equal($"error: {PathOf("backhaul.geojson")}:1: feature 1: link a -> b: \"length_km\" must be a number >= 0", error.Trim());
    }
}
