using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Core.Units;
using Quanet.Security.Qkd;
using Quanet.Security.Qkd.PostProcessing;
using Quanet.Security.Qkd.Simulation;

namespace Quanet.Benchmarks.Security;

/// <summary>
/// `qkd` suite: Cascade efficiency on 10^6-bit blocks, privacy-amplification throughput on 2^20
/// bits, and the simulator against the analytic model. Prints Markdown tables.
/// Usage: qkd [cascade|pa|simulator]... (all three by default).
/// </summary>
public sealed class QkdSuite : ISuite
{
    public string Name => "qkd";

    public int Run(string[] args)
    {
        var parts = args.Length == 0 ? ["cascade", "pa", "simulator"] : args;
        foreach (var part in parts)
        {
            switch (part)
            {
                case "cascade":
                    CascadeTable();
                    break;
                case "pa":
                    PrivacyAmplificationTable();
                    break;
                case "simulator":
                    SimulatorTable();
                    break;
                default:
                    Console.Error.WriteLine($"error: unknown part '{part}' (expected cascade, pa or simulator)");
                    return 2;
            }
        }

        return 0;
    }

    private static void CascadeTable()
    {
        const int n = 1_000_000;
        Console.WriteLine("| QBER | errors | leaked bits | n h(QBER) | f | time (s) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var qber in new[] { 0.01, 0.02, 0.03, 0.04, 0.05 })
        {
            var random = new Xoshiro256(2024);
            var alice = new byte[n];
            var bob = new byte[n];
            var errors = 0;
            for (var i = 0; i < n; i++)
            {
                alice[i] = (byte)(random.NextUInt64() & 1);
                var flip = random.NextDouble() < qber;
                bob[i] = (byte)(alice[i] ^ (flip ? 1 : 0));
                errors += flip ? 1 : 0;
            }

            var watch = Stopwatch.StartNew();
            var result = Cascade.Reconcile(alice, bob, qber, seed: 7);
            var seconds = watch.Elapsed.TotalSeconds;
            var ok = alice.AsSpan().SequenceEqual(result.Corrected);
            var shannon = n * BinaryEntropy.Of((double)errors / n);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {qber:P0} | {errors} | {result.LeakedBits} | {shannon:F0} | {result.Efficiency(n):F3}{(ok ? string.Empty : " (residual errors!)")} | {seconds:F2} |"));
        }

        Console.WriteLine();
    }

    private static void PrivacyAmplificationTable()
    {
        Console.WriteLine("| input bits | output bits | method | median wall time (ms) | median CPU time (ms) | throughput by wall time (Mbit/s) | throughput by CPU time (Mbit/s) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var (warmInput, warmSeed) = Random(1 << 16, 1 << 15);
        foreach (var n in new[] { 1 << 14, 1 << 16, 1 << 18, 1_000_000, 1 << 21, 10_000_000, 100_000_000 })
        {
            var m = n / 2;
            var (input, seed) = Random(n, m);

            // every method warms up on a 2^16-bit input (40 calls and 2 s: tiered compilation done), then runs at full size
            var runs = n >= 100_000_000 ? 3 : 7;
            Report(n, m, "additive FFT over GF(2^64), 1 thread", Median(() => ToeplitzHash.HashByFft(input, n, seed, m), () => ToeplitzHash.HashByFft(warmInput, 1 << 16, warmSeed, 1 << 15), runs));
            Report(n, m, $"additive FFT over GF(2^64), {Environment.ProcessorCount} threads", Median(() => ToeplitzHash.HashByFft(input, n, seed, m, Environment.ProcessorCount), () => ToeplitzHash.HashByFft(warmInput, 1 << 16, warmSeed, 1 << 15, Environment.ProcessorCount), runs));
            if (n <= 10_000_000)
            {
                // the split's n^1.58 takes about a minute of CPU at 10^8 bits (bench/README.md, 2026-12-05)
                Report(n, m, "Toeplitz split + CLMUL", Median(() => ToeplitzHash.HashByToeplitzSplit(input, n, seed, m), () => ToeplitzHash.HashByToeplitzSplit(warmInput, 1 << 16, warmSeed, 1 << 15), runs));
                Report(n, m, "full product, Karatsuba + CLMUL", Median(() => ToeplitzHash.HashByFullProduct(input, n, seed, m), () => ToeplitzHash.HashByFullProduct(warmInput, 1 << 16, warmSeed, 1 << 15), runs));
            }
        }

        Console.WriteLine();

        static void Report(int n, int m, string method, (double Wall, double Cpu) seconds) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | {m} | {method} | {seconds.Wall * 1000:F1} | {seconds.Cpu * 1000:F1} | {n / seconds.Wall / 1e6:F1} | {n / seconds.Cpu / 1e6:F1} |"));
    }

    // wall time suffers on a shared machine; the CPU time of this process (all its threads) shows
    // what the cores deliver when they are not taken away
    private static (double Wall, double Cpu) Median(Action action, Action warm, int runs)
    {
        // warm up past tiered compilation (tier 0, OSR, tier 1 after 30 calls and a background
        // compile): at least 40 calls and 2 s, so every method measured runs its final code
        var warmup = Stopwatch.StartNew();
        for (var w = 0; w < 40 || warmup.Elapsed.TotalSeconds < 2; w++)
        {
            warm();
        }

        action();
        var wall = new double[runs];
        var cpu = new double[runs];
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < runs; r++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            wall[r] = watch.Elapsed.TotalSeconds;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[runs / 2], cpu[runs / 2]);
    }

    private static (ulong[] Input, ulong[] Seed) Random(int n, int m)
    {
        var random = new Xoshiro256(42);
        var input = new ulong[BitString.Words(n)];
        var seed = new ulong[BitString.Words(ToeplitzHash.SeedBits(n, m))];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = random.NextUInt64();
        }

        for (var i = 0; i < seed.Length; i++)
        {
            seed[i] = random.NextUInt64();
        }

        return (input, seed);
    }

    private static void SimulatorTable()
    {
        const int rounds = 8;
        Console.WriteLine("| distance (km) | pulses per round | mu | analytic vacuum+weak rate | simulated estimate (mean +- s.e., 8 rounds) | deviation / s.e. | distilled secret bits per pulse | measured f |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var link = QkdLinkParameters.Gys;
        foreach (var (km, pulses) in new[] { (5.0, 10_000_000L), (25.0, 20_000_000L), (50.0, 50_000_000L) })
        {
            var distance = new Kilometres(km);
            var mu = DecoyBb84Model.OptimalRate(link, QkdProtocol.VacuumWeak, distance).Mu;
            var analytic = DecoyBb84Model.RateAt(link, QkdProtocol.VacuumWeak, distance, mu).RatePerPulse;
            var estimates = new double[rounds];
            double distilled = 0, efficiency = 0;
            for (var r = 0; r < rounds; r++)
            {
                var result = Bb84Simulator.Run(new SimulationParameters
                {
                    Link = link,
                    Distance = distance,
                    Pulses = pulses,
                    SignalIntensity = mu,
                    DecoyProbability = 0.3,
                    VacuumProbability = 0.2,
                    Seed = (ulong)(r + 1),
                });
                estimates[r] = result.EstimatedRatePerPulse;
                distilled += result.SecretKeyRatePerPulse / rounds;
                efficiency += result.ReconciliationEfficiency / rounds;
            }

            var mean = estimates.Average();
            var se = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (rounds - 1) / rounds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {km} | {pulses:N0} | {mu:F3} | {analytic:E3} | {mean:E3} +- {se:E1} | {(mean - analytic) / se:F2} | {distilled:E3} | {efficiency:F3} |"));
        }

        Console.WriteLine();
    }
}
