using System.Globalization;
using System.Text;
using System.Text.Json;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Qaoa;

/// <summary>
/// Writes the QAOA circuit of a model as an OpenQASM 3 program, optionally wrapped as an Amazon Braket
/// <c>braket.ir.openqasm.program</c> JSON document. The gates match <see cref="QaoaStateVector"/>:
/// a Hadamard layer, then per layer exp(-i gamma J Z_i Z_j) as CNOT-RZ(2 gamma J)-CNOT, exp(-i gamma h Z_i)
/// as RZ(2 gamma h), and the mixer exp(-i beta X) as RX(2 beta); finally every qubit is measured.
/// The constant offset only adds a global phase and is left out.
/// </summary>
public static class OpenQasmExporter
{
    /// <summary>The OpenQASM 3 source of the circuit.</summary>
    public static string ToOpenQasm(BinaryQuadraticModel model, ReadOnlySpan<double> gammas, ReadOnlySpan<double> betas)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (gammas.Length != betas.Length)
        {
            throw new ArgumentException($"{gammas.Length} gammas but {betas.Length} betas", nameof(betas));
        }

        var ising = model.ToIsing();
        var n = ising.VariableCount;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append("OPENQASM 3.0;\n");
        text.Append(c, $"qubit[{n}] q;\n");
        text.Append(c, $"bit[{n}] b;\n");
        for (var i = 0; i < n; i++)
        {
            text.Append(c, $"h q[{i}];\n");
        }

        for (var layer = 0; layer < gammas.Length; layer++)
        {
            var gamma = gammas[layer];
            foreach (var (i, j, w) in ising.Interactions())
            {
                text.Append(c, $"cnot q[{i}], q[{j}];\n");
                text.Append(c, $"rz({Angle(2.0 * gamma * w)}) q[{j}];\n");
                text.Append(c, $"cnot q[{i}], q[{j}];\n");
            }

            for (var i = 0; i < n; i++)
            {
                if (ising.Linear[i] != 0.0)
                {
                    text.Append(c, $"rz({Angle(2.0 * gamma * ising.Linear[i])}) q[{i}];\n");
                }
            }

            for (var i = 0; i < n; i++)
            {
                text.Append(c, $"rx({Angle(2.0 * betas[layer])}) q[{i}];\n");
            }
        }

        text.Append("b = measure q;\n");
        return text.ToString();
    }

    /// <summary>The circuit as an Amazon Braket OpenQASM program JSON document.</summary>
    public static string ToBraketProgramJson(BinaryQuadraticModel model, ReadOnlySpan<double> gammas, ReadOnlySpan<double> betas)
    {
        var source = ToOpenQasm(model, gammas, betas);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("braketSchemaHeader");
            writer.WriteString("name", "braket.ir.openqasm.program");
            writer.WriteString("version", "1");
            writer.WriteEndObject();
            writer.WriteString("source", source);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Angle(double radians) => radians.ToString("R", CultureInfo.InvariantCulture);
}
