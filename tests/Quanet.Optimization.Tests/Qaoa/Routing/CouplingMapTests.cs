using Quanet.Optimization.Qaoa.Routing;

namespace Quanet.Optimization.Tests.Qaoa.Routing;

public sealed class CouplingMapTests
{
    [Fact]
    public void Eagle_has_127_qubits_144_couplers_and_the_heavy_hex_degrees()
    {
        var eagle = CouplingMap.Eagle127();

        Assert.Equal(127, eagle.QubitCount);
        Assert.Equal(144, eagle.Edges.Count);
        var degrees = Enumerable.Range(0, 127).GroupBy(q => eagle.Neighbors(q).Length).ToDictionary(g => g.Key, g => g.Count());
        // heavy-hex: degree at most 3; the two corner qubits 13 and 113 hang off their rows with one coupler
        Assert.Equal(new Dictionary<int, int> { [1] = 2, [2] = 89, [3] = 36 }, degrees);
        Assert.True(eagle.IsConnected);
    }

    [Fact]
    public void Eagle_edges_are_ibms_published_layout()
    {
        // IBM's Eagle r1 map as published in the ibm_washington backend configuration (Qiskit's fake backend
        // conf_washington.json, checked through the search corpus): seven rows 0-13, 18-32, 37-51, 56-70, 75-89,
        // 94-108, 113-126 (paths), and 24 bridge qubits, each coupled to one qubit of the rows above and below.
        // ibm_washington itself lacks (8, 9) and (109, 114) (couplers disabled on that chip); the full layout,
        // as on ibm_sherbrooke, has them, which gives the 144 couplers.
        (int Bridge, int Up, int Down)[] bridges =
        [
            (14, 0, 18), (15, 4, 22), (16, 8, 26), (17, 12, 30), (33, 20, 39), (34, 24, 43), (35, 28, 47), (36, 32, 51),
            (52, 37, 56), (53, 41, 60), (54, 45, 64), (55, 49, 68), (71, 58, 77), (72, 62, 81), (73, 66, 85), (74, 70, 89),
            (90, 75, 94), (91, 79, 98), (92, 83, 102), (93, 87, 106), (109, 96, 114), (110, 100, 118), (111, 104, 122), (112, 108, 126),
        ];
        (int First, int Last)[] rows = [(0, 13), (18, 32), (37, 51), (56, 70), (75, 89), (94, 108), (113, 126)];
        var expected = new HashSet<(int, int)>();
        foreach (var (first, last) in rows)
        {
            for (var q = first; q < last; q++)
            {
                expected.Add((q, q + 1));
            }
        }

        foreach (var (bridge, up, down) in bridges)
        {
            expected.Add((up, bridge));
            expected.Add((bridge, down));
        }

        Assert.Equal(144, expected.Count);
        Assert.True(expected.SetEquals(CouplingMap.Eagle127().Edges));
    }

    [Fact]
    public void Generic_maps_have_their_counts_and_distances()
    {
        Assert.Equal(4, CouplingMap.Line(5).Edges.Count);
        Assert.Equal(4, CouplingMap.Line(5).Distance(0, 4));
        var grid = CouplingMap.Grid(3, 4);
        Assert.Equal((12, 17), (grid.QubitCount, grid.Edges.Count));
        Assert.Equal(5, grid.Distance(0, 11));

        // two rows of 5 with bridges at columns 0 and 4: one heavy hexagon, a 12-cycle
        var cell = CouplingMap.HeavyHex(2, 5);
        Assert.Equal((12, 12), (cell.QubitCount, cell.Edges.Count));
        Assert.All(Enumerable.Range(0, 12), q => Assert.Equal(2, cell.Neighbors(q).Length));
        Assert.Equal(6, Enumerable.Range(0, 12).Max(q => cell.Distance(0, q)));
    }

    [Theory]
    [InlineData("heavy-hex-127", 127)]
    [InlineData("grid:3x4", 12)]
    [InlineData("line:9", 9)]
    [InlineData("heavy-hex:2x5", 12)]
    public void Parses_map_names(string text, int qubits)
    {
        Assert.Equal(qubits, CouplingMap.TryParse(text, out var problem)!.QubitCount);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("grid:3")]
    [InlineData("line:0")]
    [InlineData("torus:4x4")]
    [InlineData("grid:-1x4")]
    public void Rejects_bad_map_names_with_one_reason(string text)
    {
        Assert.Null(CouplingMap.TryParse(text, out var problem));
        Assert.Contains("expected heavy-hex-127", problem, StringComparison.Ordinal);
    }
}
