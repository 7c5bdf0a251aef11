using CsCheck;
using Quanet.Core;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Qubo.Formats;

namespace Quanet.Optimization.Tests.Qubo.Formats;

public sealed class QuboFormatsTests
{
    [Theory]
    [InlineData(QuboFormat.DimodJson)]
    [InlineData(QuboFormat.CplexLp)]
    public void Round_trip_keeps_every_energy(QuboFormat format)
    {
        RandomModels.ModelAndState.Sample(t =>
        {
            var (model, state) = t;
            var text = QuboFormats.Format(model, format);
            var back = Parse(text, format);
            var converted = BinaryQuadraticModel.ConvertState(state, model.Vartype, back.Vartype);

            Assert.Equal(model.VariableCount, back.VariableCount);
            EnergyAssert.Close(model.Energy(state), back.Energy(converted));
        });
    }

    [Fact]
    public void Qbsolv_round_trip_keeps_energies_up_to_the_offset()
    {
        RandomModels.ModelAndState.Sample(t =>
        {
            var (model, state) = t;
            var qubo = model.ToQubo();
            var back = QbsolvFormat.Parse(QbsolvFormat.Format(model), "m.qubo");
            var converted = BinaryQuadraticModel.ConvertState(state, model.Vartype, Vartype.Binary);

            EnergyAssert.Close(qubo.Energy(converted) - qubo.Offset, back.Energy(converted));
        });
    }

    [Fact]
    public void Coo_round_trip_keeps_energies_up_to_the_offset()
    {
        RandomModels.ModelAndState.Sample(t =>
        {
            var (model, state) = t;
            var back = CooFormat.Parse(CooFormat.Format(model), "m.coo");
            var padded = new sbyte[back.VariableCount];
            state.AsSpan(0, back.VariableCount).CopyTo(padded);

            Assert.Equal(model.Vartype, back.Vartype);
            EnergyAssert.Close(model.Energy(state) - model.Offset, back.Energy(padded));
        });
    }

    [Fact]
    public void Gset_graph_becomes_a_max_cut_ising_model_whose_energy_gives_the_cut()
    {
        // a triangle with weights 1, 2, 3: cutting vertex 3 off cuts 2 + 3 = 5
        var graph = GsetFormat.Parse("3 3\n1 2 1\n2 3 2\n1 3 3\n", "tri.txt");
        var model = graph.ToMaxCutIsing();
        sbyte[] spins = [1, 1, -1];

        Assert.Equal(5, graph.CutValue(spins));
        Assert.Equal(5, (graph.TotalWeight - model.Energy(spins)) / 2);
        Assert.Equal("3 3\n1 2 1\n1 3 3\n2 3 2\n", GsetFormat.Format(GsetFormat.FromMaxCutIsing(model)));
    }

    [Fact]
    public void Dimod_json_reads_string_labels_and_the_offset()
    {
        const string json = """
            {"type":"BinaryQuadraticModel","version":{"bqm_schema":"3.0.0"},"variable_labels":["a","b"],
             "variable_type":"SPIN","offset":0.5,"linear_biases":[1.0,-1.0],
             "quadratic_head":[0],"quadratic_tail":[1],"quadratic_biases":[2.0]}
            """;
        var model = DimodJsonFormat.Parse(json, "m.json");

        Assert.Equal(Vartype.Spin, model.Vartype);
        Assert.Equal(1, model.IndexOf("b"));
        Assert.Equal(0.5 + 1 - 1 + 2, model.Energy([1, 1]));
    }

    [Fact]
    public void Cplex_lp_reads_a_hand_written_maximisation()
    {
        const string lp = """
            \ a small QUBO
            Maximize
             obj: 3 x + 2 y - [ 4 x * y + 2 x ^ 2 ] / 2 + 1
            Subject To
            Bounds
             0 <= x <= 1
            Binary
             x y
            End
            """;
        var model = CplexLpFormat.Parse(lp, "m.lp");

        // maximise 3x + 2y - 2xy - x + 1 == minimise its negation
        Assert.Equal(-(3 + 2 - 2 - 1 + 1), model.Energy([1, 1]));
        Assert.Equal(-(3 - 1 + 1), model.Energy([1, 0]));
    }

    [Fact]
    public void Braket_export_keys_couplings_as_i_comma_j()
    {
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(3);
        builder.AddLinear(0, 0.5);
        builder.AddQuadratic(2, 1, -1);
        var json = BraketAnnealingFormat.Format(builder.Build());

        Assert.Contains("\"braket.ir.annealing.problem\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"ISING\"", json, StringComparison.Ordinal);
        Assert.Contains("\"1,2\": -1", json, StringComparison.Ordinal);
        Assert.Contains("\"0\": 0.5", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(QuboFormat.Gset, "", "g.txt: empty file")]
    [InlineData(QuboFormat.Gset, "3\n", "g.txt:1: expected a header 'n m'")]
    [InlineData(QuboFormat.Gset, "3 2\n1 2 1\n", "g.txt:2: expected 2 edges, found only 1")]
    [InlineData(QuboFormat.Gset, "3 1\n1 4 1\n", "g.txt:2: vertex out of range 1..3")]
    [InlineData(QuboFormat.Gset, "3 1\n1 2 x\n", "g.txt:2: expected edge weight w as a finite number, found 'x'")]
    [InlineData(QuboFormat.Gset, "3 1\n1 2 1\n2 3 1\n", "g.txt:3: more edge lines than the 1 announced")]
    [InlineData(QuboFormat.Gset, "3 1\n2 2 1\n", "g.txt:2: self-loop on vertex 2")]
    [InlineData(QuboFormat.Qbsolv, "p qubo 0 2 1 0\n", "g.txt:1: expected 1 node and 0 coupler lines, found only 0")]
    [InlineData(QuboFormat.Qbsolv, "c hi\np qubo 0 2 1 1\n0 1 3\n1 1 2\n", "g.txt:3: expected a node line 'i i w'")]
    [InlineData(QuboFormat.Qbsolv, "p qubo 0 2 1 0\n5 5 1\n", "g.txt:2: node out of range 0..1")]
    [InlineData(QuboFormat.Qbsolv, "q qubo\n", "g.txt:1: expected the program line")]
    [InlineData(QuboFormat.Coo, "0 1\n", "g.txt:1: expected 'i j bias', found 2 fields")]
    [InlineData(QuboFormat.Coo, "# vartype=QUBIT\n0 1 1\n", "g.txt:1: expected vartype=BINARY or vartype=SPIN")]
    [InlineData(QuboFormat.Coo, "0 -1 2\n", "g.txt:1: variables are 0-based")]
    [InlineData(QuboFormat.DimodJson, "{\"variable_type\":\"SPIN\"", "g.txt:1: invalid JSON")]
    [InlineData(QuboFormat.DimodJson, "[1,2]", "g.txt: expected a JSON object")]
    [InlineData(QuboFormat.DimodJson, "{\"variable_type\":\"TRIT\"}", "g.txt: expected \"variable_type\" BINARY or SPIN")]
    [InlineData(QuboFormat.DimodJson, "{\"variable_type\":\"SPIN\",\"variable_labels\":[0],\"linear_biases\":[1,2]}", "g.txt: 1 variable_labels but 2 linear_biases")]
    [InlineData(QuboFormat.DimodJson, "{\"variable_type\":\"SPIN\",\"variable_labels\":[0,1],\"linear_biases\":[1,2],\"quadratic_head\":[0],\"quadratic_tail\":[7],\"quadratic_biases\":[1]}", "g.txt: expected quadratic_tail[0] to be a variable index in [0, 2)")]
    [InlineData(QuboFormat.CplexLp, "Minimize\n obj: x + y\nSubject To\n c1: x + y <= 1\nBinary\n x y\nEnd\n", "g.txt:4: constraints are not supported")]
    [InlineData(QuboFormat.CplexLp, "Minimize\n obj: x + y\nBinary\n x\nEnd\n", "g.txt: variable 'y' is not declared in a Binary section")]
    [InlineData(QuboFormat.CplexLp, "obj: x\n", "g.txt:1: expected 'Minimize' or 'Maximize'")]
    [InlineData(QuboFormat.CplexLp, "Minimize\n obj: x + [ x * ]\nBinary\n x\nEnd\n", "g.txt:2: expected a variable after '*'")]
    [InlineData(QuboFormat.CplexLp, "Minimize\n obj: x + [ x * x\nBinary\n x\nEnd\n", "expected ']' to close the quadratic part")]
    [InlineData(QuboFormat.CplexLp, "Minimize\n obj: x\nGeneral\n x\nEnd\n", "g.txt:3: section 'General' is not allowed")]
    [InlineData(QuboFormat.CplexLp, "Minimize\n obj: 2 x $\n", "g.txt:2: unexpected character '$'")]
    public void Broken_files_are_rejected_with_file_line_and_reason(QuboFormat format, string text, string expected)
    {
        var ex = Assert.Throws<InputFormatException>(() => Parse(text, format, "g.txt"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private static BinaryQuadraticModel Parse(string text, QuboFormat format, string name = "m") => format switch
    {
        QuboFormat.Gset => GsetFormat.Parse(text, name).ToMaxCutIsing(),
        QuboFormat.DimodJson => DimodJsonFormat.Parse(text, name),
        QuboFormat.Coo => CooFormat.Parse(text, name),
        QuboFormat.Qbsolv => QbsolvFormat.Parse(text, name),
        QuboFormat.CplexLp => CplexLpFormat.Parse(text, name),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
