using System.Globalization;
using System.Text.Json;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// Quanet's exact Steiner solver as a process, like the peers: <c>quanet steiner FILE --solver exact --time T --json</c>
/// (the apphost of a ReadyToRun publish or of a Release build), or with <paramref name="Native"/> the native AOT
/// executable <c>quanet-steiner FILE --time T --json</c> (src/Quanet.SteinerNative), which writes the same document.
/// </summary>
/// <param name="Program">Path of the <c>quanet</c> or <c>quanet-steiner</c> executable.</param>
/// <param name="Native">True for <c>quanet-steiner</c>.</param>
public sealed record QuanetPeer(string Program, bool Native = false) : IPeer
{
    /// <inheritdoc />
    public string Name => Native ? "quanet-native" : "quanet";

    /// <inheritdoc />
    public PeerRun Run(ChildRun runner, string file, PeerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(limits);
        var seconds = limits.Seconds.ToString(CultureInfo.InvariantCulture);
        string[] args = Native ? [file, "--time", seconds, "--json"] : ["steiner", file, "--solver", "exact", "--time", seconds, "--json"];
        var o = runner.Run(Program, args, limits.Hard);
        if (o.Killed || o.ExitCode != 0)
        {
            return new PeerRun(Name, null, null, false, o.WallSeconds, o.CpuSeconds, o.Killed ? "killed at the hard limit" : $"exit {o.ExitCode}: {FirstLine(o.Stderr)}");
        }

        using var json = JsonDocument.Parse(o.Stdout);
        var (cost, bound, optimal) = Result(json.RootElement);
        return new PeerRun(Name, cost, bound, optimal && limits.Within(o.WallSeconds), o.WallSeconds, o.CpuSeconds, "");
    }

    /// <summary>The cost, the lower bound (rounded up) and the optimality flag of one <c>quanet steiner --json</c> document.</summary>
    internal static (long Cost, long Bound, bool Optimal) Result(JsonElement root) => (
        (long)Math.Round(root.GetProperty("cost").GetDouble()),
        (long)Math.Ceiling(root.GetProperty("lower_bound").GetDouble() - 1e-6),
        root.GetProperty("optimal").GetBoolean());

    internal static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length > 120 ? line[..120] : line;
    }
}
