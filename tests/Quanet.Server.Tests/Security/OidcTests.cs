using System.Net;
using System.Net.Http.Headers;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Security;

public sealed class OidcTests : IAsyncLifetime
{
    private TestOidcIssuer _issuer = null!;
    private ServerHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestOidcIssuer.StartAsync();
        _harness = await ServerHarness.StartAsync(o => o with { OidcAuthority = new Uri(_issuer.Issuer + "/"), OidcAudience = "quanet" });
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_token_from_the_issuer_gets_the_role_it_names_and_every_role_below()
    {
        using var client = Client(_issuer.Token("alice", ["operator"], "quanet"));

        var body = await client.GetStringAsync("api/v1/whoami");
        var admin = await client.GetAsync("api/v1/keys");

        Assert.Contains("\"name\":\"oidc:alice\"", body, StringComparison.Ordinal);
        Assert.Contains("\"roles\":[\"viewer\",\"planner\",\"operator\"]", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task Expired_wrong_audience_and_foreign_key_tokens_are_refused_and_API_keys_still_work()
    {
        using var expired = Client(_issuer.Token("alice", ["admin"], "quanet", expiresIn: TimeSpan.FromMinutes(-5)));
        using var audience = Client(_issuer.Token("alice", ["admin"], "someone-else"));
        using var stranger = Client(_issuer.Token("alice", ["admin"], "quanet", strangerKey: true));
        using var key = _harness.Client(Roles.Viewer);

        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("api/v1/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await audience.GetAsync("api/v1/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("api/v1/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync("api/v1/whoami")).StatusCode);
    }

    [Fact]
    public async Task A_valid_token_naming_no_known_role_is_authenticated_but_may_read_nothing()
    {
        using var client = Client(_issuer.Token("bob", ["superuser"], "quanet"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("api/v1/alarms")).StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = _harness.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
