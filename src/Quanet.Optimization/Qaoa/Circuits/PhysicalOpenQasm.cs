using System.Globalization;
using System.Text;
using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Optimization.Qaoa.Routing;

namespace Quanet.Optimization.Qaoa.Circuits;

/// <summary>
/// OpenQASM 3 on physical qubits (<c>$0</c>, <c>$1</c>, ...) for a routed circuit, in the basis {h, rx, rz, cx}
/// of <c>stdgates.inc</c>: every SWAP is written as its three CNOTs (after a comment naming it), and
/// logical qubit i is measured into <c>c[i]</c> from its final physical qubit; with <see cref="QasmBasis.Ibm"/> the
/// one-qubit gates are written in {rz, sx}. <see cref="Parse"/> reads back exactly this subset (sx as rx(pi/2),
/// equal up to a global phase).
/// </summary>
public static class PhysicalOpenQasm
{
    /// <summary>The program text.</summary>
    public static string Write(RoutedCircuit routed, string mapName, QasmBasis basis = QasmBasis.Standard)
    {
        ArgumentNullException.ThrowIfNull(routed);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
        text.Append(c, $"// routed by {routed.Router} onto {mapName}: {routed.TwoQubitGateCount} cx ({routed.SwapCount} swaps as 3 cx each), depth {routed.Depth}\n");
        text.Append("// initial layout (logical -> physical):");
        for (var l = 0; l < routed.InitialLayout.Length; l++)
        {
            text.Append(c, $" {l}->${routed.InitialLayout[l]}");
        }

        text.Append(c, $"\nbit[{routed.FinalLayout.Length}] c;\n");
        foreach (var gate in routed.Circuit.Gates)
        {
            switch (gate.Kind)
            {
                case GateKind.H when basis == QasmBasis.Ibm:
                    text.Append(c, $"rz(pi/2) ${gate.Qubit};\nsx ${gate.Qubit};\nrz(pi/2) ${gate.Qubit};\n");
                    break;
                case GateKind.Rx when basis == QasmBasis.Ibm:
                    text.Append(c, $"rz(pi/2) ${gate.Qubit};\nsx ${gate.Qubit};\nrz({(gate.Angle + Math.PI).ToString("R", c)}) ${gate.Qubit};\nsx ${gate.Qubit};\nrz(pi/2) ${gate.Qubit};\n");
                    break;
                case GateKind.H:
                    text.Append(c, $"h ${gate.Qubit};\n");
                    break;
                case GateKind.Rx or GateKind.Rz:
                    text.Append(c, $"{(gate.Kind == GateKind.Rx ? "rx" : "rz")}({gate.Angle.ToString("R", c)}) ${gate.Qubit};\n");
                    break;
                case GateKind.Cx:
                    text.Append(c, $"cx ${gate.Qubit}, ${gate.Target};\n");
                    break;
                case GateKind.Swap:
                    text.Append(c, $"// swap ${gate.Qubit}, ${gate.Target}\n");
                    text.Append(c, $"cx ${gate.Qubit}, ${gate.Target};\ncx ${gate.Target}, ${gate.Qubit};\ncx ${gate.Qubit}, ${gate.Target};\n");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(routed), gate.Kind, "unknown gate");
            }
        }

        for (var l = 0; l < routed.FinalLayout.Length; l++)
        {
            text.Append(c, $"c[{l}] = measure ${routed.FinalLayout[l]};\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads a program written by <see cref="Write"/>: the gates (on <paramref name="qubitCount"/> physical qubits)
    /// and the physical qubit measured into each bit.
    /// </summary>
    /// <exception cref="InputFormatException">A line is outside the subset or names a qubit outside the range.</exception>
    public static (QuantumCircuit Circuit, int[] Readout) Parse(string text, int qubitCount, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var circuit = new QuantumCircuit(qubitCount);
        var readout = new List<(int Bit, int Qubit)>();
        var lines = text.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("OPENQASM ", StringComparison.Ordinal)
                || line.StartsWith("include ", StringComparison.Ordinal) || line.StartsWith("bit[", StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.EndsWith(';'))
            {
                throw new InputFormatException(fileName, number, "expected ';' at the end of the statement");
            }

            line = line[..^1];
            if (line.StartsWith("c[", StringComparison.Ordinal))
            {
                var close = line.IndexOf(']', StringComparison.Ordinal);
                var measured = line.IndexOf("= measure ", StringComparison.Ordinal);
                if (close < 0 || measured < 0)
                {
                    throw new InputFormatException(fileName, number, "expected 'c[i] = measure $q;'");
                }

                readout.Add((Number(line[2..close], fileName, number, int.MaxValue), Qubit(line[(measured + 10)..], qubitCount, fileName, number)));
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                throw new InputFormatException(fileName, number, "expected a gate and its qubits");
            }

            var (head, operands) = (line[..space], line[(space + 1)..].Split(',', StringSplitOptions.TrimEntries));
            circuit.Add(head switch
            {
                "h" when operands.Length == 1 => Gate.Hadamard(Qubit(operands[0], qubitCount, fileName, number)),
                "sx" when operands.Length == 1 => Gate.RotationX(Qubit(operands[0], qubitCount, fileName, number), Math.PI / 2),
                "cx" when operands.Length == 2 => Gate.Cnot(Qubit(operands[0], qubitCount, fileName, number), Qubit(operands[1], qubitCount, fileName, number)),
                _ when (head.StartsWith("rx(", StringComparison.Ordinal) || head.StartsWith("rz(", StringComparison.Ordinal)) && head.EndsWith(')') && operands.Length == 1 =>
                    new Gate(head[1] == 'x' ? GateKind.Rx : GateKind.Rz, Qubit(operands[0], qubitCount, fileName, number), -1, Angle(head[3..^1], fileName, number)),
                _ => throw new InputFormatException(fileName, number, $"unsupported statement '{Printable.Escape(head)}' (expected h, sx, rx, rz, cx or a measurement)"),
            });
        }

        var bits = new int[readout.Count];
        foreach (var (bit, qubit) in readout)
        {
            if (bit >= bits.Length)
            {
                throw new InputFormatException(fileName, lines.Length, $"bit c[{bit}] beyond the {bits.Length} measured");
            }

            bits[bit] = qubit;
        }

        return (circuit, bits);
    }

    private static int Qubit(string text, int qubitCount, string fileName, int line) =>
        text.StartsWith('$') ? Number(text[1..], fileName, line, qubitCount) : throw new InputFormatException(fileName, line, "expected a physical qubit '$n'");

    private static int Number(string text, string fileName, int line, int limit) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value < limit
            ? value
            : throw new InputFormatException(fileName, line, $"expected an index below {limit}, got '{Printable.Escape(text)}'");

    private static double Angle(string text, string fileName, int line) =>
        text == "pi/2" ? Math.PI / 2 : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InputFormatException(fileName, line, $"expected an angle in radians, got '{Printable.Escape(text)}'");
}
