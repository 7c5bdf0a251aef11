using System.Globalization;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// The totals under the side-by-side table: per solver, instances proven optimal within the limit, trees equal to the
/// optimum, mean gap of the printed tree, and total wall time with every unproven instance charged at the limit, both
/// over all instances and over the union of instances some solver proved.
/// </summary>
internal static class PeerSummary
{
    public static void Print(IReadOnlyList<(string Instance, long Optimum, PeerRun Run)> rows, double limitSeconds, TextWriter output)
    {
        var solvers = rows.Select(r => r.Run.Solver).Distinct().ToList();
        var union = rows.Where(r => r.Run.Proven).Select(r => r.Instance).ToHashSet();
        var instances = rows.Select(r => r.Instance).Distinct().Count();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{instances} instances; limit {limitSeconds} s; proven by at least one solver: {union.Count}"));
        output.WriteLine();
        output.WriteLine("| solver | proven optimal | tree = optimum | no tree | mean gap % (trees printed) | total wall s (unproven at the limit) | total wall s on the union | total CPU s | inconsistent |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in solvers)
        {
            var mine = rows.Where(r => r.Run.Solver == s).ToList();
            var withTree = mine.Where(r => r.Run.Cost is not null).ToList();
            var gap = withTree.Count == 0 ? 0 : withTree.Average(r => 100.0 * (r.Run.Cost!.Value - r.Optimum) / Math.Max(1, r.Optimum));
            double Charged((string Instance, long Optimum, PeerRun Run) r) => r.Run.Proven ? r.Run.WallSeconds : limitSeconds;
            var inconsistent = mine.Count(r => r.Run.Cost < r.Optimum || r.Run.Bound > r.Optimum || (r.Run.Proven && r.Run.Cost != r.Optimum));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s} | {mine.Count(r => r.Run.Proven)} / {mine.Count} | {mine.Count(r => r.Run.Cost == r.Optimum)} | {mine.Count - withTree.Count} | {gap:0.000} | {mine.Sum(Charged):0.0} | {mine.Where(r => union.Contains(r.Instance)).Sum(Charged):0.0} | {mine.Sum(r => r.Run.CpuSeconds):0.0} | {inconsistent} |"));
        }
    }
}
