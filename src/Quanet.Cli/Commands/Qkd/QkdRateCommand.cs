using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Core.Units;
using Quanet.Security.Qkd;
using Spectre.Console;

namespace Quanet.Cli.Commands.Qkd;

/// <summary>`quanet qkd rate`: analytic secure key rate at one distance or over a sweep.</summary>
internal static class QkdRateCommand
{
    public static Command Create()
    {
        var command = new Command("rate", "Secure key rate of decoy-state BB84 at a distance (signal intensity optimised), or over a sweep");
        var distance = new Option<double?>("--distance") { Description = "Fibre length in km" }.Must(v => v is not { } x || (x >= 0 && double.IsFinite(x)), "must be >= 0 km");
        var sweep = SweepOption.Create();
        var plot = new Option<FileInfo?>("--plot") { Description = "Also write a PNG of key rate against distance (for a sweep: the sweep; else 0 to 160 km)" };
        var blockSize = new Option<double?>("--block-size") { Description = "Finite-key analysis (Lim et al. 2014) with blocks of this many sifted X-basis detections, n_X (intensities, their probabilities and the basis bias optimised)" }
            .Must(v => v is not { } x || (x >= 1 && double.IsFinite(x)), "must be at least 1 sifted detection");
        var afterpulse = new Option<double>("--afterpulse") { Description = "Detector after-pulse probability for the finite-key analysis (default 0)" }.MustBeIn("[0, 1)", v => v >= 0 && v < 1);
        var epsilonSec = new Option<double>("--epsilon-sec") { Description = "Finite-key secrecy parameter (default 1e-10)", DefaultValueFactory = _ => 1e-10 }.MustBeIn("(0, 1)", v => v > 0 && v < 1);
        var secrecyPerBit = new Option<double?>("--secrecy-per-bit") { Description = "Finite-key secrecy per key bit kappa: eps_sec = kappa * key length, as in Lim et al.'s figures (kappa 1e-15); replaces --epsilon-sec" }
            .Must(v => v is not { } x || (x > 0 && x < 1), "must be in (0, 1)");
        var epsilonCor = new Option<double>("--epsilon-cor") { Description = "Finite-key correctness parameter (default 1e-15)", DefaultValueFactory = _ => 1e-15 }.MustBeIn("(0, 1)", v => v > 0 && v < 1);
        var json = CommonOptions.Json();
        var link = new LinkOptions();
        command.Options.Add(distance);
        command.Options.Add(sweep);
        link.AddTo(command);
        command.Options.Add(blockSize);
        command.Options.Add(epsilonSec);
        command.Options.Add(secrecyPerBit);
        command.Options.Add(epsilonCor);
        command.Options.Add(afterpulse);
        command.Options.Add(plot);
        command.Options.Add(json);
        distance.Check(r => r.GetValue(distance) is not null && r.GetValue(sweep) is not null ? "give either --distance or --sweep, not both" : null);
        blockSize.Check(r => r.GetValue(blockSize) is not null && string.Equals(r.GetValue(link.Protocol), "gllp", StringComparison.OrdinalIgnoreCase)
            ? "--block-size needs a decoy protocol (decoy or vacuum-weak)"
            : null);

        CommandRunner.SetBody(command, (ctx, ct) =>
        {
            var parameters = link.Read(ctx);
            var protocol = link.ReadProtocol(ctx);
            var sweepValue = ctx.Get(sweep);
            FiniteKeyParameters? finite = null;
            if (ctx.Get(blockSize) is { } block)
            {
                finite = new FiniteKeyParameters
                {
                    BlockSize = block,
                    EpsilonSecrecy = ctx.Get(epsilonSec),
                    SecrecyPerKeyBit = ctx.Get(secrecyPerBit),
                    EpsilonCorrectness = ctx.Get(epsilonCor),
                    AfterpulseProbability = ctx.Get(afterpulse),
                };
                finite.Validate();
            }

            KeyRate Rate(Kilometres km) => finite is null
                ? DecoyBb84Model.OptimalRate(parameters, protocol, km)
                : FiniteKeyModel.OptimalRate(parameters, finite, km);

            var distances = sweepValue ?? [new Kilometres(ctx.Get(distance) ?? 0)];
            var rates = new List<KeyRate>(distances.Count);
            foreach (var km in distances)
            {
                ct.ThrowIfCancellationRequested();
                rates.Add(Rate(km));
            }

            if (ctx.Get(plot) is { } file)
            {
                var plotted = sweepValue is not null ? rates : Enumerable.Range(0, 81).Select(i => Rate(new Kilometres(2.0 * i))).ToList();
                KeyRatePlot.SavePng(file.FullName, [(LinkOptions.Name(protocol) + (finite is null ? string.Empty : $", n_X = {finite.BlockSize:G3}"), plotted)]);
                ctx.Error.WriteLine($"wrote {file.FullName}");
            }

            if (ctx.Get(json))
            {
                if (sweepValue is null)
                {
                    var r = rates[0];
                    ctx.WriteJson(new { RatePerPulse = r.RatePerPulse, RateBps = r.RateBitsPerSecond, Qber = r.Qber, Mu = r.Mu });
                }
                else
                {
                    ctx.WriteJson(rates.Select(r => new { DistanceKm = r.Distance.Value, RatePerPulse = r.RatePerPulse, RateBps = r.RateBitsPerSecond, Qber = r.Qber, Mu = r.Mu }).ToList());
                }

                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("distance km", "mu", "rate bit/pulse", "rate bit/s", "QBER");
            foreach (var r in rates)
            {
                table.AddRow(
                    r.Distance.Value.ToString("0.##", CultureInfo.InvariantCulture),
                    r.Mu.ToString("0.000", CultureInfo.InvariantCulture),
                    r.RatePerPulse.ToString("0.000E+00", CultureInfo.InvariantCulture),
                    r.RateBitsPerSecond.ToString("0.###E+00", CultureInfo.InvariantCulture),
                    r.Qber.ToString("0.00%", CultureInfo.InvariantCulture));
            }

            ctx.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
