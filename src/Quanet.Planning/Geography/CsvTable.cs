using System.Globalization;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Planning.Geography;

/// <summary>Reads a headed CSV file row by row, turning every problem into an <see cref="InputFormatException"/> with file and line.</summary>
internal sealed class CsvTable
{
    private readonly TextReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private List<string> _fields = [];

    private CsvTable(TextReader reader, string file)
    {
        _reader = reader;
        File = file;
    }

    /// <summary>The file name used in messages.</summary>
    public string File { get; }

    /// <summary>The 1-based line number of the current row.</summary>
    public int Line { get; private set; }

    /// <summary>Reads the header and checks that <paramref name="required"/> columns are present.</summary>
    public static CsvTable Open(TextReader reader, string file, params string[] required)
    {
        var table = new CsvTable(reader, file);
        string? header;
        do
        {
            header = reader.ReadLine();
            table.Line++;
        }
        while (header is not null && header.Trim().Length == 0);

        if (header is null)
        {
            throw new InputFormatException(file, Math.Max(1, table.Line), "empty file: expected a CSV header");
        }

        var names = CsvLine.Split(header.TrimStart('\uFEFF'))
            ?? throw new InputFormatException(file, table.Line, "unterminated quote in header");
        for (var i = 0; i < names.Count; i++)
        {
            table._columns.TryAdd(names[i], i);
        }

        foreach (var name in required)
        {
            if (!table._columns.ContainsKey(name))
            {
                throw new InputFormatException(file, table.Line, $"missing column '{name}' (header must have {string.Join(",", required)})");
            }
        }

        return table;
    }

    /// <summary>Whether the header has <paramref name="column"/>.</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>Advances to the next non-blank row; false at the end.</summary>
    public bool Next()
    {
        while (true)
        {
            var line = _reader.ReadLine();
            if (line is null)
            {
                return false;
            }

            Line++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            _fields = CsvLine.Split(line) ?? throw Error("unterminated quote");
            if (_fields.Count < _columns.Count)
            {
                throw Error($"expected {_columns.Count} fields, found {_fields.Count}");
            }

            return true;
        }
    }

    /// <summary>The text of <paramref name="column"/> in the current row ("" when the column is absent).</summary>
    public string Text(string column) => _columns.TryGetValue(column, out var i) && i < _fields.Count ? _fields[i] : string.Empty;

    /// <summary>A finite number, or an error naming the column.</summary>
    public double Number(string column)
    {
        var text = Text(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error($"{column} '{Printable.Escape(text)}' is not a number");
        }

        return value;
    }

    /// <summary>A finite number, or <paramref name="fallback"/> when the column is absent or blank.</summary>
    public double Number(string column, double fallback) => Text(column).Length == 0 ? fallback : Number(column);

    /// <summary>A latitude/longitude pair from columns lat and lon.</summary>
    public GeoPoint Location()
    {
        var p = new GeoPoint(Number("lat"), Number("lon"));
        if (!p.IsValid)
        {
            throw Error($"coordinates ({p.Latitude}, {p.Longitude}) out of range");
        }

        return p;
    }

    /// <summary>An exception for the current row.</summary>
    public InputFormatException Error(string reason) => new(File, Line, reason);
}
