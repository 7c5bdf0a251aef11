using Quanet.Core;
using Quanet.Optimization.Embedding;

namespace Quanet.Optimization.Tests.Embedding;

public sealed class HardwareGraphTests
{
    // Reference counts: dwave-networkx's documented formulas (Chimera 2tmn qubits; Pegasus 24m(m-1) full and
    // 24m(m-1) - 8(m-1) fabric-only qubits, 12(15(m-1)^2 + m - 3) full couplers; Zephyr 4tm(2m+1) qubits and
    // 2t((8t+8)m^2 - 2m - 3) couplers), and for the rest a throw-away script that enumerated the coordinate rules.
    [Theory]
    [InlineData("chimera:16", 2048, 6016)]
    [InlineData("chimera:2,3,2", 24, 38)]
    [InlineData("pegasus:16", 5640, 40484)]
    [InlineData("pegasus:16,full", 5760, 40656)]
    [InlineData("pegasus:6", 680, 4484)]
    [InlineData("pegasus:2", 40, 164)]
    [InlineData("zephyr:15", 7440, 71736)]
    [InlineData("zephyr:2,2", 80, 356)]
    [InlineData("zephyr:1", 48, 280)]
    [InlineData("zephyr:4", 576, 5032)]
    public void Has_the_reference_qubit_and_coupler_counts(string topology, int qubits, int couplers)
    {
        var graph = HardwareGraph.Parse(topology);

        Assert.Equal(qubits, graph.QubitCount);
        Assert.Equal(couplers, graph.CouplerCount);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 4)]
    [InlineData(6, 3)]
    public void Zephyr_counts_follow_the_closed_forms(int m, int t)
    {
        var graph = HardwareGraph.Zephyr(m, t);

        Assert.Equal(4 * t * m * ((2 * m) + 1), graph.QubitCount);
        Assert.Equal(2 * t * (((8 * t) + 8) * m * m - (2 * m) - 3), graph.CouplerCount);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void Pegasus_counts_follow_the_closed_forms(int m)
    {
        Assert.Equal((24 * m * (m - 1)) - (8 * (m - 1)), HardwareGraph.Pegasus(m).QubitCount);
        Assert.Equal(24 * m * (m - 1), HardwareGraph.Pegasus(m, fabricOnly: false).QubitCount);
        Assert.Equal(12 * ((15 * (m - 1) * (m - 1)) + m - 3), HardwareGraph.Pegasus(m, fabricOnly: false).CouplerCount);
    }

    // Edges and non-edges computed with the throw-away script from the coordinate rules and linear index formulas.
    [Theory]
    [InlineData("chimera:16", 171, 173, true)]
    [InlineData("chimera:16", 368, 496, true)]
    [InlineData("chimera:16", 701, 709, true)]
    [InlineData("chimera:16", 1569, 1573, true)]
    [InlineData("chimera:16", 482, 2029, false)]
    [InlineData("chimera:16", 1841, 1934, false)]
    [InlineData("pegasus:16", 221, 4936, true)]
    [InlineData("pegasus:16", 541, 3152, true)]
    [InlineData("pegasus:16", 1985, 2000, true)]
    [InlineData("pegasus:16", 2463, 3597, true)]
    [InlineData("pegasus:16", 3635, 5066, false)]
    [InlineData("pegasus:16", 47, 3738, false)]
    [InlineData("zephyr:15", 216, 5310, true)]
    [InlineData("zephyr:15", 277, 5415, true)]
    [InlineData("zephyr:15", 801, 5447, true)]
    [InlineData("zephyr:15", 2377, 5529, true)]
    [InlineData("zephyr:15", 208, 5321, false)]
    [InlineData("zephyr:15", 3122, 7219, false)]
    public void Couples_exactly_the_reference_pairs(string topology, int p, int q, bool coupled)
    {
        var graph = HardwareGraph.Parse(topology);

        Assert.Equal(coupled, graph.AreCoupled(p, q));
        Assert.Equal(coupled, graph.AreCoupled(q, p));
    }

    [Fact]
    public void Chimera_uses_the_published_linear_index()
    {
        var graph = HardwareGraph.Chimera(16);

        // ((row*16 + column)*2 + u)*4 + k: qubit (3, 5, 0, 2) is ((3*16 + 5)*2 + 0)*4 + 2 = 426; its vertical
        // neighbours are rows 2 and 4 (298, 554), its tile partners the horizontal shore 428..431.
        Assert.Equal(426, HardwareGraph.ChimeraIndex(16, 4, 3, 5, 0, 2));
        Assert.Equal([298, 428, 429, 430, 431, 554], graph.Neighbors(426).ToArray());
        // the horizontal qubit (3, 5, 1, 2) = 430 couples to columns 4 and 6 (422, 438) and the vertical shore 424..427
        Assert.Equal([422, 424, 425, 426, 427, 438], graph.Neighbors(430).ToArray());
    }

    [Fact]
    public void Pegasus_fabric_leaves_index_gaps_and_has_degree_at_most_15()
    {
        var graph = HardwareGraph.Pegasus(16);

        Assert.False(graph.Contains(0));
        Assert.Equal(30, graph.Qubits[0]);
        Assert.Equal(5760, graph.IndexRange);
        var maxDegree = 0;
        foreach (var q in graph.Qubits)
        {
            maxDegree = Math.Max(maxDegree, graph.Neighbors(q).Length);
        }

        Assert.Equal(15, maxDegree);
    }

    [Fact]
    public void Zephyr_has_degree_4t_plus_4()
    {
        var graph = HardwareGraph.Zephyr(4, 4);
        var maxDegree = 0;
        foreach (var q in graph.Qubits)
        {
            maxDegree = Math.Max(maxDegree, graph.Neighbors(q).Length);
        }

        Assert.Equal(20, maxDegree);
    }

    [Theory]
    [InlineData("chimera", "topology 'chimera' is not understood; expected chimera:M[,N[,T]], pegasus:M[,full] or zephyr:M[,T]")]
    [InlineData("hexagon:3", "topology 'hexagon:3' is not understood; expected chimera:M[,N[,T]], pegasus:M[,full] or zephyr:M[,T]")]
    [InlineData("chimera:x", "topology 'chimera:x': 'x' is not a positive integer")]
    [InlineData("pegasus:1", "topology 'pegasus:1': Pegasus needs M >= 2")]
    [InlineData("zephyr:1,2,3", "topology 'zephyr:1,2,3' is not understood; expected chimera:M[,N[,T]], pegasus:M[,full] or zephyr:M[,T]")]
    [InlineData("chimera:5000", "topology 'chimera:5000' has 200000000 qubit indices, more than the 2000000 supported")]
    public void Rejects_a_bad_topology_with_one_line(string topology, string message)
    {
        Assert.Equal(message, HardwareGraph.Problem(topology));
        Assert.Equal(message, Assert.Throws<QuanetException>(() => HardwareGraph.Parse(topology)).Message);
    }
}
