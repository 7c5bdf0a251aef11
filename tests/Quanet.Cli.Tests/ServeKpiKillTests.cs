using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quanet.Operations.Action;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Testing.Kpi;

namespace Quanet.Cli.Tests;

/// <summary>KPI notices of the real <c>quanet serve</c> process across a kill -9 in the middle of ingestion.</summary>
public sealed class ServeKpiKillTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const string Cell = "S01/ru1";
    private readonly string _data = Directory.CreateTempSubdirectory("quanet-kpi-kill-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public async Task Kpi_notices_are_neither_lost_nor_doubled_when_serve_is_killed_during_the_batch_that_holds_the_drop(int killAfterMs)
    {
        // 21 daily batches of hourly cell traffic; day 19 holds the drop (hours 470-475)
        var days = Enumerable.Range(0, 21).Select(Day).ToList();
        var expected = await UninterruptedAsync(days);
        Assert.True(expected.Count >= 3, $"{expected.Count} notices");
        var (_, added, _) = await CliHarness.RunAsync("serve", "keys", "add", "ems", "--role", "operator", "--data", _data);
        var secret = added.TrimEnd().Split('\n')[^1];

        using (var first = await ServeProcess.StartAsync(_data, secret))
        {
            foreach (var day in days[..19])
            {
                Assert.Equal(HttpStatusCode.Accepted, (await first.PostAsync(day)).StatusCode);
            }

            // kill -9 while the drop's batch is on its way: it is committed with its notices, or neither
            var inFlight = first.PostAsync(days[19]);
            await Task.Delay(killAfterMs);
            first.Kill9();
            try
            {
                (await inFlight).Dispose();
            }
            catch (HttpRequestException)
            {
                // no answer: the sender cannot tell whether the batch was committed
            }
        }

        using var second = await ServeProcess.StartAsync(_data, secret);
        var afterKill = await second.NoticesAsync();
        output.WriteLine($"after kill -9: {afterKill.Count} of {expected.Count} notices stored (the drop's batch was {(afterKill.Count == 0 ? "not " : "")}committed)");
        Assert.True(afterKill.Count == 0 || afterKill.SequenceEqual(expected[^afterKill.Count..]),
            $"after the kill: {string.Join(", ", afterKill)}; uninterrupted: {string.Join(", ", expected)}");

        // the sender retries the batch it got no answer for: values not after their series' last one are skipped
        Assert.Equal(HttpStatusCode.Accepted, (await second.PostAsync(days[19])).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await second.PostAsync(days[20])).StatusCode);
        Assert.Equal(expected, await second.NoticesAsync());
    }

    private static string Day(int day) => VesEventWriter.ToBatchJson(Enumerable.Range(day * 24, 24).Select(Measurement));

    private static VesEvent Measurement(int hour) => CellTraffic.Event(Cell, hour, hour is >= 470 and < 476 ? 0.2 : 1.0, $"m{hour}");

    /// <summary>The notices (series, time, score, newest first) of the same batches through one engine that never stops.</summary>
    private static async Task<List<string>> UninterruptedAsync(List<string> days)
    {
        var inventory = SyntheticInventory.Create(6, 3);
        var db = Path.Combine(Path.GetTempPath(), $"quanet-kpi-{Guid.NewGuid():N}.db");
        try
        {
            await using (var engine = new OperationsEngine(inventory, db, new SimulatedNetwork(new DependencyGraph(inventory))))
            {
                foreach (var day in days)
                {
                    await engine.IngestAsync(VesParser.ParseBody(Encoding.UTF8.GetBytes(day)));
                }

                return [.. engine.Store.ListKpiNotices(null, 10_000).Select(n => Key(n.Series, n.Time, n.Score))];
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }
        }
    }

    private static string Key(string series, string time, double score) => string.Create(CultureInfo.InvariantCulture, $"{series}@{time}:{score:R}");

    private sealed class ServeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private ServeProcess(Process process, HttpClient http)
        {
            _process = process;
            _http = http;
        }

        public static async Task<ServeProcess> StartAsync(string data, string secret)
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "quanet.dll"), "serve", "--listen", "127.0.0.1:0", "--data", data])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("listening on ", StringComparison.Ordinal))
                {
                    var http = new HttpClient { BaseAddress = new Uri(line.Split(' ')[2]), Timeout = TimeSpan.FromSeconds(60) };
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                    return new ServeProcess(process, http);
                }
            }

            throw new InvalidOperationException("quanet serve ended before it listened");
        }

        public Task<HttpResponseMessage> PostAsync(string batch) =>
            _http.PostAsync("eventListener/v7/eventBatch", new StringContent(batch, Encoding.UTF8, "application/json"));

        public async Task<List<string>> NoticesAsync()
        {
            var list = await _http.GetFromJsonAsync<JsonObject>("api/v1/kpi/anomalies?limit=10000");
            return [.. list!["anomalies"]!.AsArray().Select(a => Key(a!["series"]!.GetValue<string>(), a["time"]!.GetValue<string>(), a["score"]!.GetValue<double>()))];
        }

        public void Kill9()
        {
            using var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill!.WaitForExit();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _http.Dispose();
            _process.Dispose();
        }
    }
}
