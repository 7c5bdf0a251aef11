using System.Globalization;
using Quanet.Core;
using Quanet.Planning.Placement;
using Quanet.Testing;

namespace Quanet.Planning.Tests.Placement;

public sealed class BeasleySetCoverReaderTests
{
    [Fact]
    public void Reads_rows_columns_costs_and_coverage()
    {
        const string text = " 3 4\n 2 3 1\n 5\n 2 1 2\n 1 3\n 3 2 3 4\n";

        var instance = BeasleySetCoverReader.Read(new StringReader(text), "tiny.txt");

        Assert.Equal(3, instance.DemandCount);
        Assert.Equal([2.0, 3, 1, 5], instance.SiteCost);
        Assert.Equal([0], instance.SiteCovers[0]);
        Assert.Equal([0, 2], instance.SiteCovers[1]);
        Assert.Equal([1, 2], instance.SiteCovers[2]);
        Assert.Equal([2], instance.SiteCovers[3]);
    }

    [Fact]
    public void Optimum_of_a_tiny_cover_is_proven()
    {
        // rows {1,2,3}; columns: c1 covers 1 (cost 2), c2 covers 1,3 (3), c3 covers 2,3 (1), c4 covers 3 (5): optimum c1+c3 = 3
        var instance = BeasleySetCoverReader.Read(new StringReader("3 4\n2 3 1 5\n2 1 2\n1 3\n3 2 3 4\n"), "tiny.txt");

        var result = new CpSatPlacementSolver().Solve(instance, new PlacementGoal { Kind = PlacementKind.SetCover }, SmallInstances.Options());

        Assert.Equal(3, result.Objective);
        Assert.True(result.Optimal);
        Assert.Equal([0, 2], result.Sites);
    }

    [Theory]
    [InlineData("3 x\n", "tiny.txt:1: expected the number of columns as an integer, found 'x'")]
    [InlineData("2 2\n1 1\n1 1\n1 3\n", "tiny.txt:4: row 2 names column 3; columns are 1 to 2")]
    [InlineData("2 2\n1 1\n1 1\n", "tiny.txt:3: file ends early: expected the column count of row 2")]
    [InlineData("2 2\n1 -1\n", "tiny.txt:2: expected a non-negative cost for column 2, found '-1'")]
    [InlineData("1 2\n1 1\n1 2\n7\n", "tiny.txt:4: unexpected '7' after the last of 1 rows")]
    [InlineData("1 2\n1 1\n0\n", "tiny.txt:3: row 1 lists 0 columns; expected 1 to 2")]
    [InlineData("1 2\n1 1\n2 1 1\n", "tiny.txt:3: row 1 names column 1 twice")]
    [InlineData("0 2\n", "tiny.txt:1: expected positive row and column counts, found 0 and 2")]
    public void Rejects_malformed_files_with_file_line_and_reason(string text, string message)
    {
        var ex = Assert.Throws<InputFormatException>(() => BeasleySetCoverReader.Read(new StringReader(text), "tiny.txt"));

        Assert.Equal(message, ex.Message);
    }

    [RequiresSharedFact("benchmarks/setcover")]
    public void Every_shared_OR_Library_instance_parses_to_its_declared_size()
    {
        var files = Directory.GetFiles(SharedBenchmarks.Locate("benchmarks/setcover"), "scp*.txt");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var header = File.ReadLines(file).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var instance = BeasleySetCoverReader.Read(file);

            Assert.Equal(int.Parse(header[0], CultureInfo.InvariantCulture), instance.DemandCount);
            Assert.Equal(int.Parse(header[1], CultureInfo.InvariantCulture), instance.SiteCount);
            Assert.All(instance.SiteCost, c => Assert.InRange(c, 1, 100));
        }

        // OR-Library scp61: 200 rows, 1000 columns
        var scp61 = BeasleySetCoverReader.Read(SharedBenchmarks.Locate("benchmarks/setcover/scp61.txt"));
        Assert.Equal((200, 1000), (scp61.DemandCount, scp61.SiteCount));
    }

    [Fact]
    public void Reads_the_example_instance()
    {
        var instance = BeasleySetCoverReader.Read(SharedBenchmarks.Example("setcover/small.txt"));

        Assert.Equal((40, 60), (instance.DemandCount, instance.SiteCount));
    }
}
