using System.Diagnostics;
using System.Globalization;
using Quanet.Cluster.Processing;
using Quanet.Cluster.Silo;
using Quanet.Operations.Inventory;
using Quanet.Testing.Postgres;

namespace Quanet.ClusterBench;

// Failover: real silo processes, kill -9 of the one hosting the largest region's grain.
public static partial class ClusterProcessingSuite
{
    private static async Task FailoverAsync(PostgresServer server, NetworkInventory inventory, Dictionary<string, List<RegionEvent>> regions, int rounds)
    {
        var (region, events) = regions.MaxBy(r => r.Value.Count);
        var half = events.Count / 2;
        var inventoryPath = Path.Combine(Path.GetTempPath(), $"quanet-bench-inventory-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(inventoryPath, InventoryJson.Write(inventory));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover of region {region} ({half} of its events applied) between two `quanet ops silo` processes, kill -9 of its silo"));
        Console.WriteLine("| round | seconds until the grain answers on the other silo | rebuild (events) | rebuild ms |");
        Console.WriteLine("|---:|---:|---:|---:|");
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var database = await server.CreateDatabaseAsync();
                await ClusterSchema.ApplyAsync(database, CancellationToken.None);
                var silos = new[] { await StartSiloAsync(database, inventoryPath), await StartSiloAsync(database, inventoryPath) };
                try
                {
                    using var client = ClusterClient.Build(database);
                    await client.StartAsync();
                    var grains = ClusterClient.Grains(client);
                    foreach (var chunk in events.Take(half).Chunk(500))
                    {
                        await grains.GetGrain<IRegionGrain>(region).ApplyAsync(chunk);
                    }

                    var before = await grains.GetGrain<IRegionGrain>(region).StatusAsync();
                    var victim = silos.First(s => before.Silo.Contains($":{s.Port}:", StringComparison.Ordinal));
                    var clock = Stopwatch.StartNew();
                    victim.Process.Kill(entireProcessTree: true);
                    RegionStatus? after = null;
                    while (after is null)
                    {
                        try
                        {
                            // a call that went to the dead silo waits for the response timeout (30 s): ask again instead
                            after = await grains.GetGrain<IRegionGrain>(region).StatusAsync().WaitAsync(TimeSpan.FromSeconds(1));
                        }
                        catch (Exception) when (clock.Elapsed < TimeSpan.FromMinutes(3))
                        {
                            await Task.Delay(100);
                        }
                    }

                    var seconds = clock.Elapsed.TotalSeconds;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {round} | {seconds:0.0} | {after.RebuiltEvents} | {after.RebuildMilliseconds:0} |"));
                    await client.StopAsync();
                }
                finally
                {
                    foreach (var silo in silos)
                    {
                        if (!silo.Process.HasExited)
                        {
                            silo.Process.Kill(entireProcessTree: true);
                        }

                        silo.Process.Dispose();
                    }
                }
            }
        }
        finally
        {
            File.Delete(inventoryPath);
        }
    }

    private static async Task<(Process Process, int Port)> StartSiloAsync(string database, string inventoryPath)
    {
        var port = HostPrograms.FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            QuanetDll(), "ops", "silo", "--postgres-env", "QUANET_BENCH_PG", "--inventory", inventoryPath,
            "--silo-port", port.ToString(CultureInfo.InvariantCulture), "--gateway-port", HostPrograms.FreePort().ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["QUANET_BENCH_PG"] = database;
        var process = Process.Start(info)!;
        var line = await process.StandardOutput.ReadLineAsync();
        if (line is null || !line.Contains("silo listening on", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("quanet ops silo did not start: " + line + await process.StandardError.ReadToEndAsync());
        }

        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return (process, port);
    }

    private static string QuanetDll()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Quanet.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Quanet.slnx not found"), "src", "Quanet.Cli", "bin", "Release", "net10.0", "quanet.dll");
    }
}
