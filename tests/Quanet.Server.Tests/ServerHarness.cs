using System.Net;
using System.Net.Http.Headers;
using Quanet.Server.Security;

namespace Quanet.Server.Tests;

/// <summary>
/// A real server on 127.0.0.1 (ephemeral port, plain HTTP on loopback) over a fresh data directory, with one API key
/// per role. Dispose to stop it and delete the directory.
/// </summary>
public sealed class ServerHarness : IAsyncDisposable
{
    private readonly Dictionary<string, string> _secrets = [];
    private readonly ServerOptions _options;

    private ServerHarness(QuanetServer server, string directory, ServerOptions options)
    {
        Server = server;
        Directory = directory;
        _options = options;
    }

    /// <summary>The running server.</summary>
    public QuanetServer Server { get; private set; }

    /// <summary>The server's data directory.</summary>
    public string Directory { get; }

    /// <summary>Starts a server with keys <c>viewer</c>, <c>planner</c>, <c>operator</c> and <c>admin</c>.</summary>
    public static async Task<ServerHarness> StartAsync(Func<ServerOptions, ServerOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "quanet-server-" + Guid.NewGuid().ToString("N"));
        var keys = new ApiKeyStore(Path.Combine(System.IO.Directory.CreateDirectory(directory).FullName, "server.db"));
        var secrets = Roles.Ordered.ToDictionary(r => r, r => keys.Add(r, r, DateTimeOffset.UtcNow));
        var options = new ServerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), DataDirectory = directory };
        options = configure is null ? options : configure(options);
        var server = await QuanetServer.StartAsync(options);
        var harness = new ServerHarness(server, directory, options);
        foreach (var (role, secret) in secrets)
        {
            harness._secrets[role] = secret;
        }

        return harness;
    }

    /// <summary>Stops the server and starts a new one on the same data directory (a new port: make new clients).</summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = await QuanetServer.StartAsync(_options);
    }

    /// <summary>The secret of the key with <paramref name="role"/>.</summary>
    public string Secret(string role) => _secrets[role];

    /// <summary>A client authenticated as <paramref name="role"/>, or anonymous when null.</summary>
    public HttpClient Client(string? role = null)
    {
        var client = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _secrets[role]);
        }

        return client;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open by a finishing job: the temp directory is cleaned by the OS
        }
    }
}
