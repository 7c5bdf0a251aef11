using System.Globalization;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Optimization.Steiner;

/// <summary>
/// Reads SteinLib STP files (magic line <c>33D32945 STP File, STP Format Version 1.0</c>) and the
/// PACE 2018 <c>.gr</c> variant (the same sections without the magic line). Understood sections:
/// Comment, Graph (<c>Nodes</c>, <c>Edges</c>, <c>E u v w</c>), Terminals (<c>Terminals</c>, <c>T v</c>),
/// Coordinates (<c>DD v x y</c>); other sections are skipped up to their <c>END</c>. Node ids in the
/// file are 1-based and become 0-based.
/// </summary>
public static class StpReader
{
    /// <summary>The SteinLib magic line.</summary>
    public const string MagicLine = "33D32945 STP File, STP Format Version 1.0";

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="InputFormatException">The file is malformed (message names file and line).</exception>
    /// <exception cref="QuanetException">The file cannot be read.</exception>
    public static SteinerGraph ReadFile(string path) => ReadFile(path, FormatLimits.Default);

    /// <summary>Reads the file at <paramref name="path"/> within <paramref name="limits"/>: its size and the declared node count.</summary>
    /// <exception cref="InputFormatException">The file is malformed or breaks a limit (message names file and line).</exception>
    /// <exception cref="QuanetException">The file cannot be read.</exception>
    public static SteinerGraph ReadFile(string path, FormatLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            using var reader = limits.OpenText(path);
            return Read(reader, path, limits);
        }
        catch (IOException ex)
        {
            throw new QuanetException($"{path}: cannot read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new QuanetException($"{path}: cannot read: {ex.Message}", ex);
        }
    }

    /// <summary>Parses STP text from <paramref name="reader"/>; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="InputFormatException">The text is malformed.</exception>
    public static SteinerGraph Read(TextReader reader, string fileName) => Read(reader, fileName, FormatLimits.Default);

    /// <summary>Parses STP text within <paramref name="limits"/>: the declared node count is held to <see cref="FormatLimits.MaxVariables"/>.</summary>
    /// <exception cref="InputFormatException">The text is malformed or breaks a limit.</exception>
    public static SteinerGraph Read(TextReader reader, string fileName, FormatLimits limits)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(limits);
        var state = new ParseState(fileName, limits);
        string? raw;
        var lineNo = 0;
        var first = true;
        while ((raw = reader.ReadLine()) != null)
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (first)
            {
                first = false;
                if (line.StartsWith("33D32945", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }

            if (state.Eof)
            {
                throw state.Error(lineNo, $"unexpected text after EOF: '{Clip(line)}'");
            }

            state.Line(lineNo, line);
        }

        return state.Finish(lineNo);
    }

    private static string Clip(string s) => Printable.Escape(s);

    private sealed class ParseState(string fileName, FormatLimits limits)
    {
        private readonly List<(int U, int V, long W)> _edges = [];
        private readonly List<int> _terminals = [];
        private readonly Dictionary<int, (double X, double Y)> _coords = [];
        private string? _section;
        private int _nodes = -1;
        private int _declaredEdges = -1;
        private int _declaredTerminals = -1;
        private int _edgesLine;
        private int _terminalsLine;
        private bool _sawGraph;
        private long _totalWeight;

        public bool Eof { get; private set; }

        public InputFormatException Error(int line, string reason) => new(fileName, line, reason);

        public void Line(int no, string line)
        {
            var tok = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var key = tok[0];
            if (_section == null)
            {
                if (key.Equals("SECTION", StringComparison.OrdinalIgnoreCase))
                {
                    if (tok.Length < 2)
                    {
                        throw Error(no, "SECTION without a name");
                    }

                    _section = tok[1].ToUpperInvariant();
                    if (_section == "GRAPH")
                    {
                        _sawGraph = true;
                    }

                    return;
                }

                if (key.Equals("EOF", StringComparison.OrdinalIgnoreCase))
                {
                    Eof = true;
                    return;
                }

                throw Error(no, $"expected 'SECTION name' or 'EOF', found '{Clip(line)}'");
            }

            if (key.Equals("END", StringComparison.OrdinalIgnoreCase))
            {
                _section = null;
                return;
            }

            switch (_section)
            {
                case "GRAPH":
                    GraphLine(no, tok, line);
                    break;
                case "TERMINALS":
                    TerminalLine(no, tok, line);
                    break;
                case "COORDINATES":
                    CoordinateLine(no, tok, line);
                    break;
                default:
                    break; // Comment and sections this reader does not use.
            }
        }

        private void GraphLine(int no, string[] tok, string line)
        {
            switch (tok[0].ToUpperInvariant())
            {
                case "NODES":
                    // SteinerGraph allocates per node, and a node needs no line of its own
                    _nodes = limits.RequireVariables(Int(no, tok, 1, 2, "Nodes n"), fileName, no, "nodes");
                    break;
                case "EDGES":
                    _declaredEdges = Int(no, tok, 1, 2, "Edges m");
                    _edgesLine = no;
                    break;
                case "E":
                    if (_nodes < 0)
                    {
                        throw Error(no, "edge before 'Nodes n'");
                    }

                    var u = Node(no, tok, 1, 4, "E u v w");
                    var v = Node(no, tok, 2, 4, "E u v w");
                    var w = Long(no, tok, 3, 4, "E u v w");
                    if (w < 0)
                    {
                        throw Error(no, $"negative edge weight {w}");
                    }

                    if (u == v)
                    {
                        throw Error(no, $"self-loop at node {u + 1}");
                    }

                    if (w > long.MaxValue - _totalWeight)
                    {
                        // solvers add weights up in longs; past this they would wrap silently
                        throw Error(no, $"edge weights sum past {long.MaxValue}");
                    }

                    _totalWeight += w;
                    _edges.Add((u, v, w));
                    break;
                case "A":
                    throw Error(no, "arcs ('A u v w') are not supported: the solver handles undirected instances");
                default:
                    throw Error(no, $"expected 'Nodes', 'Edges' or 'E u v w' in SECTION Graph, found '{Clip(line)}'");
            }
        }

        private void TerminalLine(int no, string[] tok, string line)
        {
            switch (tok[0].ToUpperInvariant())
            {
                case "TERMINALS":
                    _declaredTerminals = Int(no, tok, 1, 2, "Terminals k");
                    _terminalsLine = no;
                    break;
                case "T":
                    if (_nodes < 0)
                    {
                        throw Error(no, "terminal before SECTION Graph's 'Nodes n'");
                    }

                    _terminals.Add(Node(no, tok, 1, 2, "T v"));
                    break;
                case "ROOT":
                case "ROOTP":
                    break;
                default:
                    throw Error(no, $"expected 'Terminals k' or 'T v' in SECTION Terminals, found '{Clip(line)}'");
            }
        }

        private void CoordinateLine(int no, string[] tok, string line)
        {
            if (!tok[0].Equals("DD", StringComparison.OrdinalIgnoreCase) || tok.Length < 4)
            {
                throw Error(no, $"expected 'DD v x y' in SECTION Coordinates, found '{Clip(line)}'");
            }

            if (_nodes < 0)
            {
                throw Error(no, "coordinates before SECTION Graph's 'Nodes n'");
            }

            var v = Node(no, tok, 1, tok.Length, "DD v x y");
            if (!double.TryParse(tok[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ||
                !double.TryParse(tok[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) ||
                !double.IsFinite(x) || !double.IsFinite(y))
            {
                throw Error(no, $"expected finite numeric coordinates in 'DD v x y', found '{Clip(line)}'");
            }

            _coords[v] = (x, y);
        }

        private int Int(int no, string[] tok, int index, int count, string form)
        {
            var value = Long(no, tok, index, count, form);
            if (value is < 0 or > int.MaxValue)
            {
                throw Error(no, $"'{form}' needs a non-negative count, found {value}");
            }

            return (int)value;
        }

        private long Long(int no, string[] tok, int index, int count, string form)
        {
            if (tok.Length != count)
            {
                throw Error(no, $"expected '{form}', found {tok.Length - 1} value(s)");
            }

            if (!long.TryParse(tok[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(no, $"expected an integer in '{form}', found '{Clip(tok[index])}'");
            }

            return value;
        }

        private int Node(int no, string[] tok, int index, int count, string form)
        {
            var v = Long(no, tok, index, count, form);
            if (v < 1 || v > _nodes)
            {
                throw Error(no, $"node {v} is outside 1..{_nodes}");
            }

            return (int)v - 1;
        }

        public SteinerGraph Finish(int lastLine)
        {
            if (_section != null)
            {
                throw Error(lastLine, $"SECTION {_section} is not closed by END");
            }

            if (!_sawGraph || _nodes < 0)
            {
                throw Error(0, "missing SECTION Graph with 'Nodes n'");
            }

            if (!Eof)
            {
                throw Error(lastLine, "missing EOF line");
            }

            if (_declaredEdges >= 0 && _declaredEdges != _edges.Count)
            {
                throw Error(_edgesLine, $"'Edges {_declaredEdges}' but {_edges.Count} edge line(s) follow");
            }

            if (_declaredTerminals >= 0 && _declaredTerminals != _terminals.Count)
            {
                throw Error(_terminalsLine, $"'Terminals {_declaredTerminals}' but {_terminals.Count} terminal line(s) follow");
            }

            if (_terminals.Count == 0)
            {
                throw Error(0, "no terminals (SECTION Terminals with 'T v' lines)");
            }

            (double X, double Y)[]? coords = null;
            if (_coords.Count > 0)
            {
                coords = new (double X, double Y)[_nodes];
                foreach (var (v, c) in _coords)
                {
                    coords[v] = c;
                }
            }

            return new SteinerGraph(_nodes, _edges, _terminals) { Coordinates = coords };
        }
    }
}
