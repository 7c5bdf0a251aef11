using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;
using Quanet.Kme.Protocol;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Api;

/// <summary>The ETSI GS QKD 014 V1.1.1 API over real HTTPS with mutual TLS on 127.0.0.1.</summary>
[Collection(KmeCollection.Name)]
public sealed class KeyDeliveryApiTests(KmePair kmes)
{
    [Fact]
    public async Task Status_has_exactly_the_fields_of_clause_6_1()
    {
        using var http = RawClient(kmes.A, "SAE_A");
        using var response = await http.GetAsync("api/v1/keys/SAE_B/status");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(200, (int)response.StatusCode);
        var names = json.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["source_KME_ID", "target_KME_ID", "master_SAE_ID", "slave_SAE_ID", "key_size", "stored_key_count", "max_key_count", "max_key_per_request", "max_key_size", "min_key_size", "max_SAE_ID_count"],
            names);
        Assert.Equal("KME_A", json.GetProperty("source_KME_ID").GetString());
        Assert.Equal("KME_B", json.GetProperty("target_KME_ID").GetString());
        Assert.Equal("SAE_A", json.GetProperty("master_SAE_ID").GetString());
        Assert.Equal(256, json.GetProperty("key_size").GetInt32());
    }

    [Fact]
    public async Task Key_from_enc_keys_at_site_A_is_fetched_once_with_dec_keys_at_site_B()
    {
        using var master = kmes.Client(kmes.A, "SAE_A");
        using var slave = kmes.Client(kmes.B, "SAE_B");

        var issued = await master.GetKeysAsync("SAE_B", new KeyRequest { Number = 2, Size = 512 });
        var ids = issued.Value!.Keys.Select(k => k.KeyId).ToArray();
        var fetched = await slave.GetKeysWithIdsAsync("SAE_A", ids);
        var again = await slave.GetKeysWithIdsAsync("SAE_A", ids);

        Assert.Equal(200, issued.StatusCode);
        Assert.All(issued.Value.Keys, k => Assert.Equal(64, Convert.FromBase64String(k.Key).Length));
        Assert.All(ids, id => Assert.True(Guid.TryParseExact(id, "D", out _)));
        Assert.Equal(200, fetched.StatusCode);
        Assert.Equal(issued.Value.Keys.Select(k => (k.KeyId, k.Key)), fetched.Value!.Keys.Select(k => (k.KeyId, k.Key)));
        Assert.Equal(400, again.StatusCode);
        Assert.Null(again.Value);
        Assert.Equal(ids[0], again.Error!.Details![0]["key_ID"]);
    }

    [Fact]
    public async Task Both_KMEs_serve_masters_concurrently_from_disjoint_halves_of_the_shared_pool()
    {
        using var atA = kmes.Client(kmes.A, "SAE_A");
        using var atB = kmes.Client(kmes.B, "SAE_B");

        var fromA = await atA.GetKeysAsync("SAE_B", 4, 256);
        var fromB = await atB.GetKeysAsync("SAE_A", 4, 256);
        var atBFetch = await atB.GetKeysWithIdsAsync("SAE_A", fromA.Value!.Keys.Select(k => k.KeyId));
        var atAFetch = await atA.GetKeysWithIdsAsync("SAE_B", fromB.Value!.Keys.Select(k => k.KeyId));

        Assert.Equal(fromA.Value.Keys.Select(k => k.Key), atBFetch.Value!.Keys.Select(k => k.Key));
        Assert.Equal(fromB.Value.Keys.Select(k => k.Key), atAFetch.Value!.Keys.Select(k => k.Key));
        Assert.Empty(fromA.Value.Keys.Select(k => k.Key).Intersect(fromB.Value.Keys.Select(k => k.Key)));
    }

    [Fact]
    public async Task Get_forms_of_enc_keys_and_dec_keys_work_like_post()
    {
        using var master = kmes.Client(kmes.A, "SAE_A");
        using var slave = kmes.Client(kmes.A, "SAE_C");

        var issued = await master.GetKeysAsync("SAE_C", 1, 128);
        var fetched = await slave.GetKeyWithIdAsync("SAE_A", issued.Value!.Keys[0].KeyId);

        Assert.Equal(16, Convert.FromBase64String(issued.Value.Keys[0].Key).Length);
        Assert.Equal(issued.Value.Keys[0].Key, fetched.Value!.Keys[0].Key);
    }

    [Fact]
    public async Task Multicast_key_reaches_every_named_slave_once_and_is_then_deleted()
    {
        using var master = kmes.Client(kmes.A, "SAE_A");
        using var local = kmes.Client(kmes.A, "SAE_C");
        using var remote = kmes.Client(kmes.B, "SAE_B");

        var issued = await master.GetKeysAsync("SAE_B", new KeyRequest { AdditionalSlaveSaeIds = ["SAE_C"] });
        var id = issued.Value!.Keys[0].KeyId;
        var pendingAtA = kmes.A.PendingKeys;
        var byC = await local.GetKeysWithIdsAsync("SAE_A", [id]);
        var byB = await remote.GetKeysWithIdsAsync("SAE_A", [id]);
        var byCAgain = await local.GetKeysWithIdsAsync("SAE_A", [id]);

        Assert.Equal(issued.Value.Keys[0].Key, byC.Value!.Keys[0].Key);
        Assert.Equal(issued.Value.Keys[0].Key, byB.Value!.Keys[0].Key);
        Assert.Equal(400, byCAgain.StatusCode);
        Assert.True(pendingAtA >= 1);
    }

    [Theory]
    [InlineData("{\"number\":1,\"size\":100}", "multiple of 8")]
    [InlineData("{\"number\":1,\"size\":8192}", "max_key_size")]
    [InlineData("{\"number\":17}", "max_key_per_request")]
    [InlineData("{\"number\":0}", "between 1")]
    [InlineData("{\"extension_mandatory\":[{\"abc_route_type\":\"direct\"}]}", "abc_route_type")]
    [InlineData("{\"additional_slave_SAE_IDs\":[\"SAE_NOBODY\"]}", "SAE_NOBODY")]
    [InlineData("{\"additional_slave_SAE_IDs\":[\"SAE_C\",\"SAE_C\",\"SAE_C\"]}", "max_SAE_ID_count")]
    [InlineData("{\"number\":", "malformed JSON")]
    [InlineData("[1,2]", "malformed JSON")]
    [InlineData("{\"size\":\"256\"}", "malformed JSON")]
    public async Task Bad_key_requests_get_400_with_an_Error_body_naming_the_problem(string body, string expected)
    {
        using var http = RawClient(kmes.A, "SAE_A");
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

        using var response = await http.PostAsync("api/v1/keys/SAE_B/enc_keys", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(text).RootElement.TryGetProperty("message", out _));
        Assert.DoesNotContain("\"key\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "api/v1/keys/SAE_NOBODY/status", null)]
    [InlineData("GET", "api/v1/keys/SAE_C/status", null)]
    [InlineData("GET", "api/v1/keys/SAE_B/enc_keys?number=x", null)]
    [InlineData("GET", "api/v1/keys/SAE_B/dec_keys?key_ID=not-a-uuid", null)]
    [InlineData("GET", "api/v1/keys/SAE_B/dec_keys", null)]
    [InlineData("POST", "api/v1/keys/SAE_B/dec_keys", "{\"key_IDs\":[]}")]
    [InlineData("POST", "api/v1/keys/SAE_B/dec_keys", "{\"key_IDs\":[{\"key_ID\":\"6f1a3c9e-1111-4222-8333-944455556666\"}]}")]
    [InlineData("POST", "api/v1/keys/SAE_B/dec_keys", "not json")]
    public async Task Other_bad_requests_get_400(string method, string path, string? body)
    {
        using var http = RawClient(kmes.A, "SAE_C");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await http.SendAsync(request);
        var error = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        Assert.Equal(400, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task An_SAE_that_is_not_a_slave_of_the_key_gets_the_same_answer_as_for_a_key_that_does_not_exist()
    {
        using var master = kmes.Client(kmes.A, "SAE_A");
        using var slaveC = kmes.Client(kmes.A, "SAE_C");
        using var slaveB = kmes.Client(kmes.B, "SAE_B");
        var local = (await master.GetKeysAsync("SAE_C", 1, 256)).Value!.Keys[0];
        var remote = (await master.GetKeysAsync("SAE_B", 1, 256)).Value!.Keys[0];
        var unknown = Guid.NewGuid().ToString("D");

        var masterTakesOwnKeyAgain = await master.GetKeysWithIdsAsync("SAE_A", [local.KeyId]);
        var slaveNamesWrongMaster = await slaveB.GetKeysWithIdsAsync("SAE_C", [remote.KeyId]);
        var noSuchKey = await slaveB.GetKeysWithIdsAsync("SAE_C", [unknown]);
        var byC = await slaveC.GetKeysWithIdsAsync("SAE_A", [local.KeyId]);
        var byB = await slaveB.GetKeysWithIdsAsync("SAE_A", [remote.KeyId]);

        // ETSI GS QKD 014 5.3: 400 with an Error body; existence is not revealed, so all three read alike.
        Assert.All([masterTakesOwnKeyAgain, slaveNamesWrongMaster, noSuchKey], r => Assert.Equal(400, r.StatusCode));
        Assert.All([masterTakesOwnKeyAgain, slaveNamesWrongMaster], r => Assert.Null(r.Value));
        Assert.Equal(noSuchKey.Error!.Message, masterTakesOwnKeyAgain.Error!.Message);
        Assert.Equal(noSuchKey.Error.Message, slaveNamesWrongMaster.Error!.Message);
        Assert.Equal(local.Key, byC.Value!.Keys[0].Key);
        Assert.Equal(remote.Key, byB.Value!.Keys[0].Key);
    }

    [Fact]
    public async Task An_SAE_with_a_valid_certificate_but_not_in_the_SAE_table_gets_401()
    {
        using var stranger = kmes.Client(kmes.A, "SAE_X");

        var status = await stranger.GetStatusAsync("SAE_B");
        var keys = await stranger.GetKeysAsync("SAE_B", 1, 256);

        Assert.Equal(401, status.StatusCode);
        Assert.Equal(401, keys.StatusCode);
        Assert.Null(keys.Value);
        Assert.Contains("SAE_X", keys.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_SAE_attached_to_the_peer_KME_gets_401_at_this_KME()
    {
        using var wrongSite = kmes.Client(kmes.A, "SAE_B");

        var keys = await wrongSite.GetKeysAsync("SAE_A", 1, 256);

        Assert.Equal(401, keys.StatusCode);
    }

    [Fact]
    public async Task Exhausted_pool_gives_503_with_an_Error_body()
    {
        using var master = kmes.Client(kmes.Small, "SAE_A");

        var first = await master.GetKeysAsync("SAE_B", 3, 256);
        var starved = await master.GetKeysAsync("SAE_B", 4, 256);

        Assert.True(first.StatusCode is 200 or 503);
        Assert.Equal(503, starved.StatusCode);
        Assert.Contains("not enough key", starved.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Require_mode_refuses_clients_without_a_certificate_in_the_TLS_handshake()
    {
        using var http = AnonymousClient(kmes.A);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("api/v1/keys/SAE_B/enc_keys"));
    }

    [Fact]
    public async Task Require_mode_refuses_a_certificate_from_another_CA_in_the_TLS_handshake()
    {
        using var impostor = new KmeClient(kmes.A.BaseAddress, kmes.Pki.ForeignIdentity("SAE_A"), kmes.Pki.Ca);

        await Assert.ThrowsAsync<HttpRequestException>(() => impostor.GetKeysAsync("SAE_B", 1, 256));
    }

    [Fact]
    public async Task Allow_mode_answers_401_without_key_material_to_clients_without_a_certificate()
    {
        using var http = AnonymousClient(kmes.Lenient);

        using var response = await http.GetAsync("api/v1/keys/SAE_B/enc_keys");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("\"message\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"keys\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_mode_answers_401_to_a_certificate_from_another_CA_with_the_same_CN()
    {
        using var impostor = new KmeClient(kmes.Lenient.BaseAddress, kmes.Pki.ForeignIdentity("SAE_A"), kmes.Pki.Ca);

        var keys = await impostor.GetKeysAsync("SAE_B", 1, 256);

        Assert.Equal(401, keys.StatusCode);
        Assert.Null(keys.Value);
    }

    [Fact]
    public async Task SAEs_cannot_call_the_KME_to_KME_interface()
    {
        using var http = RawClient(kmes.B, "SAE_B");
        using var content = new StringContent("{\"link\":\"KME_A|KME_B\",\"keys\":[]}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

        using var response = await http.PostAsync("kme/v1/keys", content);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Client_refuses_a_KME_whose_certificate_is_not_from_the_trusted_CA()
    {
        var foreignCa = CertificateFiles.LoadCertificate(Path.Combine(kmes.Pki.Foreign, "ca.crt"));
        using var client = new KmeClient(kmes.A.BaseAddress, kmes.Pki.Identity("SAE_A"), foreignCa);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStatusAsync("SAE_B"));
    }

    private HttpClient RawClient(Quanet.Kme.Hosting.KmeServer server, string sae)
    {
        var identity = kmes.Pki.Identity(sae);
        var trust = new TrustValidator(kmes.Pki.Ca, TimeProvider.System);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.ClientCertificates = [identity];
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => identity;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, c, _, _) => trust.ValidateServer(c as System.Security.Cryptography.X509Certificates.X509Certificate2) is not null;
        return new HttpClient(handler) { BaseAddress = server.BaseAddress };
    }

    private HttpClient AnonymousClient(Quanet.Kme.Hosting.KmeServer server)
    {
        var trust = new TrustValidator(kmes.Pki.Ca, TimeProvider.System);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, c, _, _) => trust.ValidateServer(c as System.Security.Cryptography.X509Certificates.X509Certificate2) is not null;
        return new HttpClient(handler) { BaseAddress = server.BaseAddress };
    }
}
