using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Quanet.Cli.Infrastructure;

namespace Quanet.Cli.Tests;

/// <summary>
/// <c>quanet kme serve --crl FILE</c>: the file is read before the KME starts (missing or not a CRL: one error line,
/// exit 2) and the running KME refuses the certificates it revokes (the revocation itself is tested in Quanet.Kme.Tests).
/// </summary>
public sealed class KmeServeCrlTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-kme-crl-").FullName;

    public async Task InitializeAsync()
    {
        var (code, _, err) = await CliHarness.RunAsync("kme", "certs", "--out", _folder, "--kme", "KME_A", "--sae", "SAE_A", "--sae", "SAE_B");
        Assert.True(code == 0, err);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_missing_crl_file_is_one_usage_error_line()
    {
        var missing = Path.Combine(_folder, "missing.crl");

        var (code, output, err) = await Serve(missing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: --crl: {missing}: file not found", OneLine(err));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-----BEGIN X509 CRL-----\nbm90IGEgQ1JM\n-----END X509 CRL-----\n")]
    [InlineData("\u001b[2J0\u0082garbage")]
    public async Task A_file_that_is_not_a_crl_is_one_usage_error_line(string content)
    {
        var garbage = Path.Combine(_folder, "garbage.crl");
        await File.WriteAllTextAsync(garbage, content);

        var (code, output, err) = await Serve(garbage);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: --crl: {garbage}: not a certificate revocation list (PEM or DER)", OneLine(err));
        Assert.DoesNotContain('\u001b', err);
    }

    [Fact]
    public async Task The_crl_reaches_the_kme_which_refuses_the_revoked_sae_and_serves_the_other()
    {
        var crl = Path.Combine(_folder, "ca.crl");
        await File.WriteAllBytesAsync(crl, Crl("SAE_B"));
        var url = $"https://127.0.0.1:{FreePort()}/";
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var serve = QuanetApp.RunAsync(["kme", "serve", "--kme-id", "KME_A", "--certs", _folder, "--sae", "SAE_A", "--sae", "SAE_B", "--listen", new Uri(url).Authority, "--crl", crl], output, error, stop.Token);

        var allowed = await StatusAsync(url, "SAE_A", "SAE_B", serve);
        var revoked = await CliHarness.RunAsync("kme", "status", "SAE_A", "--url", url, "--certs", _folder, "--as", "SAE_B");
        stop.Cancel();
        var code = await serve;

        Assert.True(allowed.Code == 0, allowed.Err);
        Assert.Equal(1, revoked.Code);
        Assert.StartsWith("error: KME answered 401", revoked.Err, StringComparison.Ordinal);
        Assert.Equal(0, code);
    }

    // the status of the link to `slave` as `caller`, retried until the KME answers (deadline 60 s)
    private async Task<(int Code, string Out, string Err)> StatusAsync(string url, string caller, string slave, Task<int> serve)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var result = await CliHarness.RunAsync("kme", "status", slave, "--url", url, "--certs", _folder, "--as", caller);
            if (result.Code == 0 || serve.IsCompleted || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(100);
        }
    }

    private Task<(int Code, string Out, string Err)> Serve(string crl) =>
        CliHarness.RunAsync("kme", "serve", "--kme-id", "KME_A", "--certs", _folder, "--sae", "SAE_A", "--listen", "127.0.0.1:0", "--crl", crl);

    // a CRL from the CA 'kme certs' kept, made by .NET's own builder (DER), revoking the SAE's certificate
    private byte[] Crl(string sae)
    {
        using var ca = X509Certificate2.CreateFromPemFile(Path.Combine(_folder, "ca.crt"), Path.Combine(_folder, "ca.key"));
        using var revoked = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_folder, $"{sae}.crt")));
        var now = DateTimeOffset.UtcNow;
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry(revoked, now.AddSeconds(-1));
        return builder.Build(ca, BigInteger.One, now.AddDays(1), HashAlgorithmName.SHA256, thisUpdate: now.AddMinutes(-1));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string OneLine(string text) => Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
