// Usage: dotnet run --project bench/Quanet.ConsoleBench -c Release -- PLAN_DIR [RUNS] [SCREENSHOT.png]
// Starts a real server on 127.0.0.1, then in headless Chromium (/usr/bin/chromium):
//  1. first meaningful paint: a fresh browser context (empty cache) opens / with a key in session storage; the
//     console marks 'quanet:basemap' once the map shows the country outlines (after whoami and the basemap call);
//  2. loads PLAN_DIR's plan.geojson, backhaul.geojson and security.geojson through the file picker (mark 'quanet:plan');
//  3. pans the map with the mouse (3 drags of 100 steps) while requestAnimationFrame records every frame.
// Prints one table row per figure (medians over RUNS, default 5). No figure is asserted.
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Quanet.ConsoleBench;
using Quanet.Server;
using Quanet.Server.Security;

if (args.Length < 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Quanet.ConsoleBench PLAN_DIR [RUNS] [SCREENSHOT.png]   (PLAN_DIR from `quanet plan --out PLAN_DIR`)");
    return 2;
}

var planDir = args[0];
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var files = new[] { "plan.geojson", "backhaul.geojson", "security.geojson" }.Select(f => Path.Combine(planDir, f)).Where(File.Exists).ToArray();
var data = Directory.CreateTempSubdirectory("quanet-console-bench-").FullName;
var secret = new ApiKeyStore(QuanetServer.DatabasePath(data)).Add("bench", Roles.Viewer, DateTimeOffset.UtcNow);
await using var server = await QuanetServer.StartAsync(new ServerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), DataDirectory = data });
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

var paint = new List<double>();
var contentful = new List<double>();
var planLoad = new List<double>();
var fps = new List<double>();
var worst = new List<double>();
var redraw = new List<double>();
for (var run = 0; run < runs; run++)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        BaseURL = server.BaseAddress.ToString(),
    });
    await context.AddInitScriptAsync($"sessionStorage.setItem('quanet.apiKey', '{secret}')");
    var page = await context.NewPageAsync();
    await page.GotoAsync("/");
    await WaitForMarkAsync(page, "quanet:basemap");
    paint.Add(await page.EvaluateAsync<double>("performance.getEntriesByName('quanet:basemap')[0].startTime"));
    contentful.Add(await page.EvaluateAsync<double>("(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime"));

    var before = await page.EvaluateAsync<double>("performance.now()");
    await page.Locator("#plan-files").SetInputFilesAsync(files);
    await WaitForMarkAsync(page, "quanet:plan");
    await page.EvaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    planLoad.Add(await page.EvaluateAsync<double>("performance.now()") - before);

    if (run == 0 && args.Length > 2)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = args[2] });
    }

    var pan = await PanMeter.DragAsync(page);
    fps.Add(pan.FramesPerSecond);
    worst.Add(pan.WorstFrameMs);
    redraw.Add(pan.RedrawMs);
}

// polled from outside: the page's Content-Security-Policy forbids the eval that Playwright's WaitForFunction uses;
// the figures are the marks' own timestamps, so the polling interval does not enter them
static async Task WaitForMarkAsync(IPage page, string mark)
{
    for (var i = 0; i < 6000; i++)
    {
        if (await page.EvaluateAsync<bool>($"performance.getEntriesByName('{mark}').length > 0"))
        {
            return;
        }

        await Task.Delay(20);
    }

    throw new TimeoutException($"the console set no '{mark}' mark in 120 s");
}

static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
var fmt = CultureInfo.InvariantCulture;
Console.WriteLine($"plan: {planDir} ({string.Join(", ", files.Select(Path.GetFileName))}), runs: {runs}");
Console.WriteLine("| figure | median | runs |");
Console.WriteLine("|---|---:|---|");
Console.WriteLine(string.Create(fmt, $"| first contentful paint (ms) | {Median(contentful):F0} | {string.Join(" ", contentful.Select(x => x.ToString("F0", fmt)))} |"));
Console.WriteLine(string.Create(fmt, $"| first meaningful paint: map with outlines (ms) | {Median(paint):F0} | {string.Join(" ", paint.Select(x => x.ToString("F0", fmt)))} |"));
Console.WriteLine(string.Create(fmt, $"| plan files to drawn map (ms) | {Median(planLoad):F0} | {string.Join(" ", planLoad.Select(x => x.ToString("F0", fmt)))} |"));
Console.WriteLine(string.Create(fmt, $"| pan frame rate while dragging (frames/s) | {Median(fps):F1} | {string.Join(" ", fps.Select(x => x.ToString("F1", fmt)))} |"));
Console.WriteLine(string.Create(fmt, $"| longest frame while dragging (ms) | {Median(worst):F0} | {string.Join(" ", worst.Select(x => x.ToString("F0", fmt)))} |"));
Console.WriteLine(string.Create(fmt, $"| redraw after a drag ends (ms) | {Median(redraw):F0} | {string.Join(" ", redraw.Select(x => x.ToString("F0", fmt)))} |"));
Directory.Delete(data, recursive: true);
return 0;
