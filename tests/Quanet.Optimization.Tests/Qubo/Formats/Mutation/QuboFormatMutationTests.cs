using CsCheck;
using Quanet.Core;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Steiner;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Optimization.Tests.Qubo.Formats.Mutation;

/// <summary>
/// Hostile mutants of valid files through every model reader's public entry: each either reads or
/// refuses with one printable line, within bounded memory and time (issue #16).
/// </summary>
public sealed class QuboFormatMutationTests
{
    private const int Iterations = 200;

    // small enough that a mutant declaring the maximum stays under the allocation cap
    private static readonly FormatLimits Limits = FormatLimits.Default with { MaxVariables = 100_000 };

    [Fact]
    public void Gset_reader_survives_mutants() =>
        Run(
            t => GsetFormat.Parse(t, "g.txt", Limits).ToMaxCutIsing(),
            "3 3\n1 2 1\n2 3 2\n1 3 3\n",
            "# a comment\n5 4\n1 2 -1\n2 3 1.5\n3 4 1e3\n4 5 -2.25e-2\n");

    [Fact]
    public void Coo_reader_survives_mutants() =>
        Run(
            t => CooFormat.Parse(t, "m.coo", limits: Limits),
            "# vartype=SPIN\n0 0 1.5\n0 1 -1\n1 2 2\n",
            "0 1 1\n1 1 -2\n3 2 0.5\n");

    [Fact]
    public void Qbsolv_reader_survives_mutants() =>
        Run(
            t => QbsolvFormat.Parse(t, "m.qubo", Limits),
            "c comment\np qubo 0 3 2 1\n0 0 1\n1 1 -1\n0 1 2\n");

    [Fact]
    public void Dimod_json_reader_survives_mutants() =>
        Run(
            t => DimodJsonFormat.Parse(t, "m.json", Limits),
            "{\"type\":\"BinaryQuadraticModel\",\"version\":{\"bqm_schema\":\"3.0.0\"},\"variable_labels\":[0,\"b\",[1,2]],"
            + "\"variable_type\":\"SPIN\",\"offset\":1.5,\"linear_biases\":[1,-2,0.5],\"quadratic_head\":[0,1],"
            + "\"quadratic_tail\":[1,2],\"quadratic_biases\":[-1,3]}");

    [Fact]
    public void Cplex_lp_reader_survives_mutants() =>
        Run(
            t => CplexLpFormat.Parse(t, "m.lp", Limits),
            "\\ a QUBO\nMinimize\n obj: 2 x - 3 y + [ 4 x * y - 2 x ^ 2 ] / 2 + 1.5\nSubject To\nBounds\n 0 <= x <= 1\nBinary\n x\n y\nEnd\n");

    [Fact]
    public void Stp_reader_survives_mutants() =>
        Run(
            t => StpReader.Read(new StringReader(t), "s.stp", Limits),
            "33D32945 STP File, STP Format Version 1.0\nSECTION Comment\nName \"t\"\nEND\n\nSECTION Graph\nNodes 4\nEdges 3\n"
            + "E 1 2 1\nE 2 3 2\nE 3 4 3\nEND\n\nSECTION Terminals\nTerminals 2\nT 1\nT 4\nEND\n\n"
            + "SECTION Coordinates\nDD 1 0.5 1\nDD 4 2 3e1\nEND\n\nEOF\n");

    private static void Run(Action<string> parse, params string[] seeds) =>
        InputMutations.Of(seeds).Sample(
            input => HostileInput.Check(input, bytes => parse(HostileInput.Text(bytes))),
            iter: Iterations,
            threads: 1);
}
