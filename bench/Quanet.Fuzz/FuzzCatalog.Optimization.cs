using System.Text;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Steiner;
using Quanet.Planning.Placement;

namespace Quanet.Fuzz;

internal static partial class FuzzCatalog
{
    private static IEnumerable<FuzzTarget> Optimization()
    {
        yield return new("gset", "Gset / rudy max-cut graph (GsetFormat)", b => GsetFormat.Parse(Text(b), "in.txt"),
            ["examples/maxcut"], ".txt", () => []);
        yield return new("coo", "QUBO as COO triples (CooFormat)", b => CooFormat.Parse(Text(b), "in.coo"),
            [], ".coo", () => [Qubo(QuboFormat.Coo)]);
        yield return new("qbsolv", "QUBO in qbsolv .qubo format (QbsolvFormat)", b => QbsolvFormat.Parse(Text(b), "in.qubo"),
            [], ".qubo", () => [Qubo(QuboFormat.Qbsolv)]);
        yield return new("dimod", "dimod BQM JSON (DimodJsonFormat)", b => DimodJsonFormat.Parse(Text(b), "in.json"),
            [], ".json", () => [Qubo(QuboFormat.DimodJson)]);
        yield return new("lp", "CPLEX LP quadratic model (CplexLpFormat)", b => CplexLpFormat.Parse(Text(b), "in.lp"),
            [], ".lp", () => [Qubo(QuboFormat.CplexLp), "Minimize\n obj: 3 x + [ 2 x * y - 4 y ^ 2 ] / 2\nSubject To\nBinary\n x y\nEnd\n"]);
        yield return new("stp", "SteinLib STP / PACE .gr Steiner instance (StpReader)", b => StpReader.Read(new StringReader(Text(b)), "in.gr"),
            ["examples/steiner"], ".gr", () => []);
        yield return new("beasley", "OR-Library (Beasley) set cover (BeasleySetCoverReader)",
            b => BeasleySetCoverReader.Read(new StringReader(Text(b)), "in.txt"),
            ["examples/setcover"], ".txt", () => []);
    }

    /// <summary>Decodes like the readers do (File.ReadAllText: UTF-8, invalid bytes replaced).</summary>
    private static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    private static string Qubo(QuboFormat format)
    {
        const string seed = "5 6\n1 2 1\n2 3 -1\n3 4 2\n4 5 1\n1 5 3\n2 4 1\n";
        return QuboFormats.Format(GsetFormat.Parse(seed, "seed.txt").ToMaxCutIsing(), format);
    }
}
