using System.Globalization;
using System.Text.RegularExpressions;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// SCIP-Jack (the <c>scipstp</c> application of SCIP 8.0.2 with SoPlex, built outside the repository) with its own
/// default settings, reading the PACE file with its <c>.gr</c> reader:
/// <c>scipstp -c "set limits time T read FILE optimize quit"</c>. Its primal and dual bound and status are read from
/// the summary SCIP prints after <c>optimize</c>.
/// </summary>
/// <param name="Program">Path of the <c>scipstp</c> executable.</param>
public sealed partial record ScipJackPeer(string Program) : IPeer
{
    /// <inheritdoc />
    public string Name => "scip-jack";

    /// <inheritdoc />
    public PeerRun Run(ChildRun runner, string file, PeerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(limits);
        var command = string.Create(CultureInfo.InvariantCulture, $"set limits time {limits.Seconds} read {file} optimize quit");
        var o = runner.Run(Program, ["-c", command], limits.Hard);
        if (o.Killed)
        {
            return new PeerRun(Name, null, null, false, o.WallSeconds, o.CpuSeconds, "killed at the hard limit");
        }

        var status = StatusLine().Match(o.Stdout);
        var primal = PrimalLine().Match(o.Stdout);
        var dual = DualLine().Match(o.Stdout);
        if (!status.Success)
        {
            return new PeerRun(Name, null, null, false, o.WallSeconds, o.CpuSeconds, $"no SCIP summary (exit {o.ExitCode}): {QuanetPeer.FirstLine(o.Stderr)}");
        }

        if (!primal.Success || !dual.Success)
        {
            // SCIP prints no dual bound when the limit ends it before the root (e.g. inside SCIP-Jack's reductions)
            return new PeerRun(Name, null, null, false, o.WallSeconds, o.CpuSeconds, $"no tree: {status.Groups[1].Value.Trim()}");
        }

        var cost = ParseBound(primal.Groups[1].Value, Math.Round);
        var bound = ParseBound(dual.Groups[1].Value, x => Math.Ceiling(x - 1e-6));
        var optimal = status.Groups[1].Value.Contains("optimal solution found", StringComparison.Ordinal);
        return new PeerRun(Name, cost, bound, optimal && limits.Within(o.WallSeconds), o.WallSeconds, o.CpuSeconds, optimal ? "" : status.Groups[1].Value.Trim());
    }

    private static long? ParseBound(string text, Func<double, double> round) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) < 1e18 ? (long)round(v) : null;

    [GeneratedRegex(@"^SCIP Status\s*:\s*(.*)$", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^Primal Bound\s*:\s*([+\-0-9.eE]+|[+\-]?infinity)", RegexOptions.Multiline)]
    private static partial Regex PrimalLine();

    [GeneratedRegex(@"^Dual Bound\s*:\s*([+\-0-9.eE]+|[+\-]?infinity)", RegexOptions.Multiline)]
    private static partial Regex DualLine();
}
