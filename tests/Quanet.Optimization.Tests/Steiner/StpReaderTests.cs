using Quanet.Core;
using Quanet.Optimization.Steiner;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class StpReaderTests
{
    private const string Small = """
        33D32945 STP File, STP Format Version 1.0

        SECTION Comment
        Name "tiny"
        END

        SECTION Graph
        Nodes 4
        Edges 4
        E 1 2 3
        E 2 3 4
        E 3 4 5
        E 1 4 1
        END

        SECTION Terminals
        Terminals 2
        T 1
        T 3
        END

        EOF
        """;

    [Fact]
    public void Reads_steinlib_file_with_magic_line()
    {
        var g = StpReader.Read(new StringReader(Small), "tiny.stp");

        Assert.Equal(4, g.NodeCount);
        Assert.Equal(4, g.EdgeCount);
        Assert.Equal([0, 2], g.Terminals.ToArray());
        Assert.Equal(2, g.Tail(1) + 1);
        Assert.Equal(4, g.Weight(1));
    }

    [Fact]
    public void Reads_pace_variant_without_magic_line()
    {
        var text = Small[Small.IndexOf("SECTION Graph", StringComparison.Ordinal)..];

        var g = StpReader.Read(new StringReader(text), "tiny.gr");

        Assert.Equal(4, g.NodeCount);
        Assert.Equal(2, g.TerminalCount);
    }

    [Theory]
    [InlineData("E 1 2 3", "E 1 9 3", "x.stp:10: node 9 is outside 1..4")]
    [InlineData("E 1 2 3", "E 1 2", "x.stp:10: expected 'E u v w', found 2 value(s)")]
    [InlineData("E 1 2 3", "E 1 2 -3", "x.stp:10: negative edge weight -3")]
    [InlineData("E 1 2 3", "E 1 two 3", "x.stp:10: expected an integer in 'E u v w', found 'two'")]
    [InlineData("Edges 4", "Edges 5", "x.stp:9: 'Edges 5' but 4 edge line(s) follow")]
    [InlineData("T 3", "T 7", "x.stp:19: node 7 is outside 1..4")]
    [InlineData("EOF", "", "x.stp:21: missing EOF line")]
    [InlineData("E 1 2 3", "E 1 1 3", "x.stp:10: self-loop at node 1")]
    public void Rejects_malformed_files_with_line_and_reason(string from, string to, string message)
    {
        var text = Small.Replace(from, to, StringComparison.Ordinal);

        var ex = Assert.Throws<InputFormatException>(() => StpReader.Read(new StringReader(text), "x.stp"));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Round_trips_through_the_writer()
    {
        var g = SteinerTestGraphs.Random(7, 30, 40, 6);
        foreach (var magic in new[] { true, false })
        {
            var sw = new StringWriter();
            StpWriter.Write(g, sw, "rt", magic);

            var back = StpReader.Read(new StringReader(sw.ToString()), "rt.stp");

            Assert.Equal(g.NodeCount, back.NodeCount);
            Assert.Equal(g.TerminalCount, back.TerminalCount);
            for (var e = 0; e < g.EdgeCount; e++)
            {
                Assert.Equal((g.Tail(e), g.Head(e), g.Weight(e)), (back.Tail(e), back.Head(e), back.Weight(e)));
            }
        }
    }

    [Fact]
    public void Reports_disconnected_terminals_as_infeasible()
    {
        var g = new SteinerGraph(4, [(0, 1, 1), (2, 3, 1)], [0, 3]);

        var ex = Assert.Throws<QuanetException>(() => SteinerSolver.Solve(g));

        Assert.Equal("infeasible: terminals 1 and 4 are not connected (node ids as in the input file)", ex.Message);
    }

    [Fact]
    public void Nodes_two_billion_is_refused_naming_the_limit_before_allocating()
    {
        const string text = "SECTION Graph\nNodes 2000000000\nE 1 2 1\nEND\nSECTION Terminals\nT 1\nEND\nEOF\n";
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<InputFormatException>(() => StpReader.Read(new StringReader(text), "big.gr"));

        Assert.Equal("big.gr:2: 2000000000 nodes is over the limit of 4194304 (FormatLimits.MaxVariables)", ex.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
    }

    [Fact]
    public void Coordinates_that_are_not_finite_are_refused()
    {
        var text = Small.Replace("EOF", "SECTION Coordinates\nDD 1 1e309 0\nEND\nEOF", StringComparison.Ordinal);

        var ex = Assert.Throws<InputFormatException>(() => StpReader.Read(new StringReader(text), "c.stp"));

        Assert.Contains("expected finite numeric coordinates in 'DD v x y', found 'DD 1 1e309 0'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edge_weights_that_overflow_a_long_are_refused()
    {
        var text = Small.Replace("E 1 2 3", "E 1 2 9223372036854775807", StringComparison.Ordinal);

        var ex = Assert.Throws<InputFormatException>(() => StpReader.Read(new StringReader(text), "w.stp"));

        Assert.Contains("edge weights sum past 9223372036854775807", ex.Message, StringComparison.Ordinal);
    }
}
