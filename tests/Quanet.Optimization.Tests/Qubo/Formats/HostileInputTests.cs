using Quanet.Core;
using Quanet.Optimization.Qubo.Formats;

namespace Quanet.Optimization.Tests.Qubo.Formats;

/// <summary>Regression tests for issue #16: declared sizes that exhaust memory, non-finite numbers, wrong JSON types and terminal injection.</summary>
public sealed class HostileInputTests
{
    // a refusal must come before any allocation sized by the declaration
    private const long SmallAllocation = 1 << 20;

    [Fact]
    public void Gset_header_declaring_two_billion_vertices_is_refused_naming_the_limit()
    {
        var (ex, allocated) = Refused(() => GsetFormat.Parse("2000000000 1\n1 2 1\n", "big.txt"));

        Assert.Equal("big.txt:1: 2000000000 vertices is over the limit of 4194304 (FormatLimits.MaxVariables)", ex.Message);
        Assert.True(allocated < SmallAllocation, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Gset_header_declaring_int_max_edges_allocates_only_for_the_edges_present()
    {
        var (ex, allocated) = Refused(() => GsetFormat.Parse("5 2147483647\n1 2 1\n", "g.txt"));

        Assert.Equal("g.txt:2: expected 2147483647 edges, found only 1", ex.Message);
        Assert.True(allocated < SmallAllocation, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Gset_vertex_limit_can_be_raised_or_lowered()
    {
        var tight = FormatLimits.Default with { MaxVariables = 4 };

        Assert.Throws<InputFormatException>(() => GsetFormat.Parse("5 1\n1 2 1\n", "g.txt", tight));
        Assert.Equal(5, GsetFormat.Parse("5 1\n1 2 1\n", "g.txt", tight with { MaxVariables = 5 }).VertexCount);
    }

    [Fact]
    public void Gset_parallel_edges_whose_weights_overflow_are_refused()
    {
        var ex = Assert.Throws<InputFormatException>(() => GsetFormat.Parse("2 2\n1 2 1e308\n1 2 1e308\n", "g.txt"));

        Assert.Contains("sum past the largest finite number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coo_index_of_two_billion_is_refused_naming_the_limit()
    {
        var (ex, allocated) = Refused(() => CooFormat.Parse("0 2000000000 1\n", "m.coo"));

        Assert.Equal("m.coo:1: 2000000001 variables is over the limit of 4194304 (FormatLimits.MaxVariables)", ex.Message);
        Assert.True(allocated < SmallAllocation, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Coo_index_of_int_max_is_refused_not_overflowed()
    {
        var ex = Assert.Throws<InputFormatException>(() => CooFormat.Parse("2147483647 2147483647 1\n", "m.coo"));

        Assert.Contains("FormatLimits.MaxVariables", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Qbsolv_program_line_with_two_billion_nodes_is_refused_naming_the_limit()
    {
        var (ex, allocated) = Refused(() => QbsolvFormat.Parse("p qubo 0 2000000000 0 0\n", "m.qubo"));

        Assert.Equal("m.qubo:1: 2000000000 nodes (maxNodes) is over the limit of 4194304 (FormatLimits.MaxVariables)", ex.Message);
        Assert.True(allocated < SmallAllocation, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Qbsolv_counts_whose_sum_overflows_an_int_are_not_taken_as_no_lines()
    {
        var ex = Assert.Throws<InputFormatException>(() => QbsolvFormat.Parse("p qubo 0 2 2000000000 2000000000\n", "m.qubo"));

        Assert.Equal("m.qubo:1: expected 2000000000 node and 2000000000 coupler lines, found only 0", ex.Message);
    }

    [Fact]
    public void Lp_coefficient_1e309_is_not_a_finite_number()
    {
        var ex = Assert.Throws<InputFormatException>(() =>
            CplexLpFormat.Parse("Minimize\n obj: 1e309 x\nSubject To\nBinary\n x\nEnd\n", "m.lp"));

        Assert.Equal("m.lp:2: coefficient 1e309 is not a finite number", ex.Message);
    }

    [Fact]
    public void Lp_terms_that_add_up_past_the_largest_double_are_refused()
    {
        var ex = Assert.Throws<InputFormatException>(() =>
            CplexLpFormat.Parse("Minimize\n obj: 1e308 x + 1e308 x + 1e308 x\nSubject To\nBinary\n x\nEnd\n", "m.lp"));

        Assert.Equal("m.lp: the coefficients' magnitudes sum past the largest finite number (1.8e308); scale the model down", ex.Message);
    }

    [Fact]
    public void Lp_division_by_a_tiny_number_that_overflows_is_refused()
    {
        Assert.Throws<InputFormatException>(() =>
            CplexLpFormat.Parse("Minimize\n obj: [ 1e300 x * y ] / 1e-300\nSubject To\nBinary\n x\n y\nEnd\n", "m.lp"));
    }

    [Fact]
    public void Dimod_type_that_is_a_number_is_an_input_error_naming_the_field()
    {
        var ex = Assert.Throws<InputFormatException>(() => DimodJsonFormat.Parse("{\"type\":5}", "m.json"));

        Assert.Equal("m.json: expected \"type\": \"BinaryQuadraticModel\", found a number", ex.Message);
    }

    [Fact]
    public void Dimod_variable_type_that_is_an_object_is_an_input_error_naming_the_field()
    {
        var ex = Assert.Throws<InputFormatException>(() => DimodJsonFormat.Parse("{\"variable_type\":{}}", "m.json"));

        Assert.Equal("m.json: expected \"variable_type\" BINARY or SPIN, found an object", ex.Message);
    }

    [Fact]
    public void Dimod_duplicate_property_is_an_input_error()
    {
        var ex = Assert.Throws<InputFormatException>(() => DimodJsonFormat.Parse("{\"type\":\"a\",\"type\":\"b\"}", "m.json"));

        Assert.StartsWith("m.json: invalid JSON: Duplicate property", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimod_nesting_deeper_than_the_limit_is_an_input_error()
    {
        var deep = "{\"info\":" + new string('[', 70) + new string(']', 70) + "}";
        var limits = FormatLimits.Default with { MaxJsonDepth = 64 };

        var ex = Assert.Throws<InputFormatException>(() => DimodJsonFormat.Parse(deep, "m.json", limits));

        Assert.Contains("depth", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Gset_weight_with_a_control_sequence_is_quoted_escaped()
    {
        var ex = Assert.Throws<InputFormatException>(() => GsetFormat.Parse("5 6\n1 2 \u001b[2J\n", "e.txt"));

        Assert.DoesNotContain('\u001b', ex.Message);
        Assert.Equal("e.txt:2: expected edge weight w as a finite number, found '\\x1B[2J'", ex.Message);
    }

    private static (InputFormatException Exception, long Allocated) Refused(Action parse)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InputFormatException>(parse);
        return (ex, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
