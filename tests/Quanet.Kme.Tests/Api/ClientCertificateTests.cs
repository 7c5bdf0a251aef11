using System.Net.Http.Headers;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Certificates;
using Quanet.Kme.Hosting;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Api;

/// <summary>Client certificates are judged on every request, and only for the role their EKU names (issue #16, defects 5 and 6).</summary>
public sealed class ClientCertificateTests
{
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    [Fact]
    public async Task A_certificate_that_expires_during_a_keep_alive_connection_is_refused_on_its_next_request()
    {
        using var pki = new Pki();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        DevCertificateAuthority.AddSae(pki.Folder, "SAE_S", time.GetUtcNow(), TimeSpan.FromSeconds(15));
        await using var kme = await KmeServer.StartAsync(SingleKme.Options(pki, ["SAE_S", "SAE_B"]), time);
        var connects = new int[1];
        using var http = SingleKme.Client(kme, pki, pki.Identity("SAE_S"), connects);

        using var whileValid = await http.GetAsync("api/v1/keys/SAE_B/status");
        time.Advance(TimeSpan.FromSeconds(20));
        using var afterExpiry = await http.GetAsync("api/v1/keys/SAE_B/status");

        Assert.Equal(200, (int)whileValid.StatusCode);
        Assert.Equal(401, (int)afterExpiry.StatusCode);
        Assert.Contains("\"message\"", await afterExpiry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, connects[0]); // the same TLS connection carried both requests
    }

    [Fact]
    public async Task A_certificate_revoked_while_its_keep_alive_connection_is_open_is_refused_on_its_next_request()
    {
        using var pki = new Pki();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var crl = Path.Combine(pki.Folder, "ca.crl");
        await File.WriteAllBytesAsync(crl, Crl(pki.Folder, time.GetUtcNow()));
        var options = SingleKme.Options(pki, ["SAE_A", "SAE_B"]);
        options.CrlFile = crl;
        await using var kme = await KmeServer.StartAsync(options, time);
        var connects = new int[1];
        using var http = SingleKme.Client(kme, pki, pki.Identity("SAE_A"), connects);
        using var other = SingleKme.Client(kme, pki, pki.Identity("SAE_B"), new int[1]);

        using var beforeRevocation = await http.GetAsync("api/v1/keys/SAE_B/status");
        await File.WriteAllBytesAsync(crl, Crl(pki.Folder, time.GetUtcNow(), pki.Identity("SAE_A")));
        time.Advance(TimeSpan.FromSeconds(2));
        using var afterRevocation = await http.GetAsync("api/v1/keys/SAE_B/status");
        using var notRevoked = await other.GetAsync("api/v1/keys/SAE_A/status");

        Assert.Equal(200, (int)beforeRevocation.StatusCode);
        Assert.Equal(401, (int)afterRevocation.StatusCode);
        Assert.Equal(200, (int)notRevoked.StatusCode);
        Assert.Equal(1, connects[0]); // the same TLS connection carried both requests
    }

    [Fact]
    public async Task A_CRL_not_signed_by_the_CA_stops_the_KME_from_starting()
    {
        using var pki = new Pki();
        var crl = Path.Combine(pki.Folder, "foreign.crl");
        await File.WriteAllBytesAsync(crl, Crl(pki.Foreign, DateTimeOffset.UtcNow));
        var options = SingleKme.Options(pki, ["SAE_A", "SAE_B"]);
        options.CrlFile = crl;

        var error = await Assert.ThrowsAsync<Quanet.Core.QuanetException>(() => KmeServer.StartAsync(options, TimeProvider.System));

        Assert.Equal($"{crl}: not a CRL signed by the trusted CA", error.Message);
    }

    /// <summary>A CRL from the CA in <paramref name="folder"/>, made by .NET's own builder (DER), revoking <paramref name="revoked"/>.</summary>
    private static byte[] Crl(string folder, DateTimeOffset now, params X509Certificate2[] revoked)
    {
        using var ca = X509Certificate2.CreateFromPemFile(Path.Combine(folder, "ca.crt"), Path.Combine(folder, "ca.key"));
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, now.AddSeconds(-1));
        }

        return builder.Build(ca, BigInteger.One, now.AddDays(1), HashAlgorithmName.SHA256, thisUpdate: now.AddMinutes(-1));
    }

    [Theory]
    [InlineData("")]
    [InlineData(ServerAuth)]
    public async Task A_certificate_from_the_right_CA_without_the_clientAuth_EKU_is_refused_as_an_SAE(string usage)
    {
        string[] usages = usage.Length == 0 ? [] : [usage]; // none: no EKU extension at all
        using var pki = new Pki();
        await using var kme = await KmeServer.StartAsync(SingleKme.Options(pki, ["SAE_N", "SAE_B"]), TimeProvider.System);
        var connects = new int[1];
        using var withoutEku = SingleKme.IssueWithUsages(pki, "SAE_N", usages);
        using var withEku = SingleKme.IssueWithUsages(pki, "SAE_N", ClientAuth);
        using var refusedClient = SingleKme.Client(kme, pki, withoutEku, connects);
        using var acceptedClient = SingleKme.Client(kme, pki, withEku, new int[1]);

        using var refused = await refusedClient.GetAsync("api/v1/keys/SAE_B/status");
        using var accepted = await acceptedClient.GetAsync("api/v1/keys/SAE_B/status");

        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.Null(new TrustValidator(pki.Ca, TimeProvider.System).ValidateClient(withoutEku));
    }

    [Theory]
    // none: no EKU extension at all, which X509Chain takes as good for any purpose (this case let a peer in before
    // the fix; a serverAuth-only certificate was refused already)
    [InlineData("")]
    [InlineData(ServerAuth)]
    public async Task A_peer_KME_certificate_without_the_clientAuth_EKU_is_refused_on_the_KME_to_KME_interface(string usage)
    {
        string[] usages = usage.Length == 0 ? [] : [usage];
        using var pki = new Pki();
        await using var kme = await KmeServer.StartAsync(SingleKme.Options(pki, ["SAE_A"], withPeer: true), TimeProvider.System);
        using var withoutEku = SingleKme.IssueWithUsages(pki, "KME_B", usages);
        using var refusedClient = SingleKme.Client(kme, pki, withoutEku, new int[1]);
        using var peerClient = SingleKme.Client(kme, pki, pki.Identity("KME_B"), new int[1]);

        using var refused = await refusedClient.PostAsync("kme/v1/keys", EmptyBatch());
        using var accepted = await peerClient.PostAsync("kme/v1/keys", EmptyBatch());

        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Equal(200, (int)accepted.StatusCode);
    }

    private static StringContent EmptyBatch() =>
        new("{\"link\":\"KME_A|KME_B\",\"keys\":[]}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
