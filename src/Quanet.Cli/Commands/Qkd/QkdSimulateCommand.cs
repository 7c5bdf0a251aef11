using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Core.Units;
using Quanet.Security.Qkd;
using Quanet.Security.Qkd.Simulation;
using Spectre.Console;

namespace Quanet.Cli.Commands.Qkd;

/// <summary>`quanet qkd simulate`: one Monte Carlo round with explicit bits and full post-processing.</summary>
internal static class QkdSimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "Simulate one decoy-state BB84 round bit by bit: sifting, estimation, Cascade, verification, privacy amplification");
        var distance = new Option<double>("--distance") { Description = "Fibre length in km (default 25)", DefaultValueFactory = _ => 25 }.Must(v => v >= 0 && double.IsFinite(v), "must be >= 0 km");
        var pulses = new Option<long>("--pulses") { Description = "Pulses sent (default 1e7)", DefaultValueFactory = _ => 10_000_000 }
            .Must(v => v is >= 1000 and <= 2_000_000_000, "must be in [1e3, 2e9]");
        var mu = new Option<double?>("--mu") { Description = "Signal intensity (default: the analytic vacuum+weak optimum)" }.MustBeIn("(0, 10)", v => v > 0 && v < 10);
        var eve = new Option<double>("--eve") { Description = "Fraction of pulses an intercept-resend eavesdropper attacks, 0..1 (default 0)", DefaultValueFactory = _ => 0 }.MustBeIn("[0, 1]", v => v >= 0 && v <= 1);
        var threshold = new Option<double>("--qber-threshold") { Description = "Abort above this sampled QBER (default 0.11)", DefaultValueFactory = _ => 0.11 }.MustBeIn("(0, 0.5)", v => v > 0 && v < 0.5);
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var link = new LinkOptions();
        command.Options.Add(distance);
        command.Options.Add(pulses);
        command.Options.Add(mu);
        command.Options.Add(eve);
        command.Options.Add(threshold);
        link.AddTo(command, withProtocol: false);
        command.Options.Add(seed);
        command.Options.Add(json);

        CommandRunner.SetBody(command, (ctx, ct) =>
        {
            var parameters = new SimulationParameters
            {
                Link = link.Read(ctx),
                Distance = new Kilometres(ctx.Get(distance)),
                Pulses = ctx.Get(pulses),
                SignalIntensity = ctx.Get(mu),
                InterceptFraction = ctx.Get(eve),
                QberThreshold = ctx.Get(threshold),
                Seed = (ulong)ctx.Get(seed),
            };
            var result = Bb84Simulator.Run(parameters, ct);
            var analytic = DecoyBb84Model.RateAt(parameters.Link, QkdProtocol.VacuumWeak, parameters.Distance, result.Mu).RatePerPulse;
            if (ctx.Get(json))
            {
                ctx.WriteJson(new
                {
                    DistanceKm = parameters.Distance.Value,
                    result.Mu,
                    PulsesSent = result.Pulses.Signal + result.Pulses.Decoy + result.Pulses.Vacuum,
                    GainSignal = result.Gains.Signal,
                    GainDecoy = result.Gains.Decoy,
                    GainVacuum = result.Gains.Vacuum,
                    result.SampledQber,
                    result.SinglePhotonGain,
                    result.SinglePhotonError,
                    EstimatedRatePerPulse = result.EstimatedRatePerPulse,
                    AnalyticRatePerPulse = analytic,
                    Aborted = result.AbortReason is not null,
                    result.AbortReason,
                    result.RawKeyBits,
                    result.RawKeyQber,
                    result.LeakedBits,
                    result.ReconciliationEfficiency,
                    result.Verified,
                    result.SecretKeyBits,
                    result.SecretKeyRatePerPulse,
                    KeysEqual = result.AliceKey.AsSpan().SequenceEqual(result.BobKey),
                });
                return result.AbortReason is null ? ExitCodes.Success : ExitCodes.DomainFailure;
            }

            var table = new Table().AddColumns("quantity", "value");
            void Row(string name, string value) => table.AddRow(name, value);
            Row("distance", parameters.Distance.ToString());
            Row("signal intensity mu", F(result.Mu, "0.000"));
            Row("pulses signal/decoy/vacuum", $"{result.Pulses.Signal:N0} / {result.Pulses.Decoy:N0} / {result.Pulses.Vacuum:N0}");
            Row("gains Q_mu / Q_nu / Q_0", $"{E(result.Gains.Signal)} / {E(result.Gains.Decoy)} / {E(result.Gains.Vacuum)}");
            Row("sampled QBER", F(result.SampledQber, "0.00%"));
            Row("Q1 lower bound / e1 upper bound", $"{E(result.SinglePhotonGain)} / {F(result.SinglePhotonError, "0.00%")}");
            Row("estimated rate (bit/pulse)", E(result.EstimatedRatePerPulse));
            Row("analytic vacuum+weak rate", E(analytic));
            if (result.AbortReason is null)
            {
                Row("raw key / true QBER", $"{result.RawKeyBits:N0} bits / {F(result.RawKeyQber, "0.00%")}");
                Row("Cascade leak / efficiency f", $"{result.LeakedBits:N0} bits / {F(result.ReconciliationEfficiency, "0.000")}");
                Row("verification", result.Verified ? "hashes equal" : "hashes differ");
                Row("secret key", $"{result.SecretKeyBits:N0} bits ({E(result.SecretKeyRatePerPulse)} bit/pulse)");
                Row("Alice's and Bob's keys", result.AliceKey.AsSpan().SequenceEqual(result.BobKey) ? "identical" : "DIFFER");
            }

            ctx.Console.Write(table);
            if (result.AbortReason is not null)
            {
                ctx.Error.WriteLine($"error: round aborted: {result.AbortReason}");
                return ExitCodes.DomainFailure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string E(double value) => value.ToString("0.000E+00", CultureInfo.InvariantCulture);
}
