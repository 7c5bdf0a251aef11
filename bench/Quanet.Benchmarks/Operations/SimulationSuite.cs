using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Operations.Inventory;
using Quanet.Operations.Simulation;

namespace Quanet.Benchmarks.Operations;

/// <summary>
/// <c>ops-sim [--seeds N] [--hours H] [--sites S]</c>: the measured-outcome simulation (default
/// scenario) over several seeds, one Markdown row per seed plus the mean. "ceiling" is the compression
/// one incident per detected fault would give (1 - detected faults / alarms): the most an honest
/// correlator can reach, since two faults must not share an incident.
/// </summary>
public sealed class SimulationSuite : ISuite
{
    /// <inheritdoc/>
    public string Name => "ops-sim";

    /// <inheritdoc/>
    public int Run(string[] args)
    {
        var seeds = Arg(args, "--seeds", 5);
        var hours = Arg(args, "--hours", 24);
        var sites = Arg(args, "--sites", 40);
        Console.WriteLine("| seed | faults | detected | alarms | incidents | notices | compression | ceiling | root-cause acc. | MTTR base / quanet (min) | visits base / quanet | config effort base / quanet (min) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var reports = new List<SimulationReport>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var r = OperationsSimulator.RunAsync(SyntheticInventory.Create(sites, seed), "synthetic", new SimulationOptions { Hours = hours, Seed = seed }).GetAwaiter().GetResult();
            reports.Add(r);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {seed} | {r.Faults} | {r.FaultsDetected} | {r.Alarms} | {r.Incidents} | {r.Notices} | {r.AlarmCompression:P1} | {Ceiling(r):P1} | {r.RootCauseAccuracy:P1} | {r.MttrMinutes.Baseline:0} / {r.MttrMinutes.Quanet:0} ({r.MttrMinutes.ChangePercent:+0.0;-0.0} %) | {r.FieldVisits.Baseline:0} / {r.FieldVisits.Quanet:0} ({r.FieldVisits.ChangePercent:+0.0;-0.0} %) | {r.ConfigurationEffortMinutes.Baseline:0} / {r.ConfigurationEffortMinutes.Quanet:0} ({r.ConfigurationEffortMinutes.ChangePercent:+0.0;-0.0} %) |"));
        }

        double M(Func<SimulationReport, double> f) => reports.Average(f);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| mean | {M(r => r.Faults):0.#} | {M(r => r.FaultsDetected):0.#} | {M(r => r.Alarms):0} | {M(r => r.Incidents):0.#} | {M(r => r.Notices):0.#} | {M(r => r.AlarmCompression):P1} | {M(Ceiling):P1} | {M(r => r.RootCauseAccuracy):P1} | {M(r => r.MttrMinutes.Baseline):0} / {M(r => r.MttrMinutes.Quanet):0} ({M(r => r.MttrMinutes.ChangePercent):+0.0;-0.0} %) | {M(r => r.FieldVisits.Baseline):0.#} / {M(r => r.FieldVisits.Quanet):0.#} ({M(r => r.FieldVisits.ChangePercent):+0.0;-0.0} %) | {M(r => r.ConfigurationEffortMinutes.Baseline):0} / {M(r => r.ConfigurationEffortMinutes.Quanet):0} ({M(r => r.ConfigurationEffortMinutes.ChangePercent):+0.0;-0.0} %) |"));
        return 0;
    }

    private static double Ceiling(SimulationReport r) => r.Alarms == 0 ? 0 : 1 - (r.FaultsDetected / (double)r.Alarms);

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
