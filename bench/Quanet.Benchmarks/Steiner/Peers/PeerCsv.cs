using System.Globalization;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>One line per solver run (<c>instance,optimum,solver,cost,bound,proven,wall,cpu,note</c>), so that shards run on
/// different cores can be summarised together (<c>pace-peers --merge a.csv,b.csv</c>).</summary>
internal static class PeerCsv
{
    public const string Header = "instance,optimum,solver,cost,bound,proven,wall_s,cpu_s,note";

    public static string Line(string instance, long optimum, PeerRun r) => string.Create(CultureInfo.InvariantCulture,
        $"{instance},{optimum},{r.Solver},{r.Cost},{r.Bound},{(r.Proven ? 1 : 0)},{r.WallSeconds:0.000},{r.CpuSeconds:0.000},{r.Note.Replace(',', ';')}");

    public static IEnumerable<(string Instance, long Optimum, PeerRun Run)> Read(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var p = line.Split(',', 9);
            long? Opt(string s) => s.Length == 0 ? null : long.Parse(s, CultureInfo.InvariantCulture);
            yield return (p[0], long.Parse(p[1], CultureInfo.InvariantCulture), new PeerRun(p[2], Opt(p[3]), Opt(p[4]), p[5] == "1",
                double.Parse(p[6], CultureInfo.InvariantCulture), double.Parse(p[7], CultureInfo.InvariantCulture), p.Length > 8 ? p[8] : ""));
        }
    }
}
