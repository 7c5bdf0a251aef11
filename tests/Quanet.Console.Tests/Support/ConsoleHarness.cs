using System.Net;
using Microsoft.Playwright;
using Quanet.Server;
using Quanet.Server.Security;

namespace Quanet.Console.Tests.Support;

/// <summary>
/// A real server on 127.0.0.1 (ephemeral port) with one API key per role, and a headless Chromium page at 1280x800
/// on it. Console errors and refused requests of the page are collected. Dispose to stop both.
/// </summary>
public sealed class ConsoleHarness : IAsyncDisposable
{
    private readonly Dictionary<string, string> _secrets;
    private readonly IPage? _page;
    private readonly IPlaywright? _playwright;
    private readonly IBrowser? _browser;

    private ConsoleHarness(QuanetServer server, string directory, Dictionary<string, string> secrets, IPlaywright? playwright, IBrowser? browser, IPage? page)
    {
        Server = server;
        Directory = directory;
        _secrets = secrets;
        _playwright = playwright;
        _browser = browser;
        _page = page;
        if (page is not null)
        {
            page.PageError += (_, error) => PageErrors.Add(error);
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    ConsoleErrors.Add(message.Text);
                }
            };
        }
    }

    /// <summary>The running server.</summary>
    public QuanetServer Server { get; }

    /// <summary>The server's data directory.</summary>
    public string Directory { get; }

    /// <summary>The browser page (1280x800).</summary>
    public IPage Page => _page ?? throw new InvalidOperationException("this harness was started without a browser");

    /// <summary>Uncaught exceptions of the page's scripts.</summary>
    public List<string> PageErrors { get; } = [];

    /// <summary>Errors the page logged (a Content-Security-Policy violation shows here).</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Starts the server and, unless <paramref name="browser"/> is false, the browser.</summary>
    public static async Task<ConsoleHarness> StartAsync(bool browser = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "quanet-console-" + Guid.NewGuid().ToString("N"));
        var keys = new ApiKeyStore(Path.Combine(System.IO.Directory.CreateDirectory(directory).FullName, "server.db"));
        var secrets = Roles.Ordered.ToDictionary(r => r, r => keys.Add(r, r, DateTimeOffset.UtcNow));
        var server = await QuanetServer.StartAsync(new ServerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), DataDirectory = directory });
        if (!browser)
        {
            return new ConsoleHarness(server, directory, secrets, null, null, null);
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = BrowserEnvironment.ChromiumArgs,
        });
        var page = await chromium.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = server.BaseAddress.ToString(),
        });
        page.SetDefaultTimeout(30_000);
        return new ConsoleHarness(server, directory, secrets, playwright, chromium, page);
    }

    /// <summary>The secret of the key with <paramref name="role"/>.</summary>
    public string Secret(string role) => _secrets[role];

    /// <summary>An HTTP client authenticated as <paramref name="role"/>, or anonymous when null.</summary>
    public HttpClient Client(string? role = null)
    {
        var client = new HttpClient { BaseAddress = Server.BaseAddress };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _secrets[role]);
        }

        return client;
    }

    /// <summary>Opens the console and signs in with the key of <paramref name="role"/>; waits for the map.</summary>
    public async Task SignInAsync(string role)
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("API key").FillAsync(Secret(role));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.Locator("#who-name").GetByText(role).WaitForAsync();
    }

    /// <summary>Saves a screenshot of the page as <c>NAME.png</c> in <see cref="Screenshots.Directory"/>.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(Screenshots.Directory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temp directory is cleaned by the OS
        }
    }
}
