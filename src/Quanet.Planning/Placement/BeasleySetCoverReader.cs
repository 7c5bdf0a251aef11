using System.Globalization;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Planning.Placement;

/// <summary>
/// Reads OR-Library set covering files (Beasley 1990): the number of rows m and columns n, the n column
/// costs, then for every row the number of columns covering it followed by those columns (1-based), all
/// whitespace-separated across any number of lines. Rows become unit-weight demand points and columns
/// become sites, so the instance is a <see cref="CoverageInstance"/> with a full-coverage set-cover goal.
/// </summary>
public static class BeasleySetCoverReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>): its size and the column count.</param>
    /// <exception cref="InputFormatException">The file is malformed or breaks a limit (the message names file, line and reason).</exception>
    public static CoverageInstance Read(string path, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= FormatLimits.Default;
        using var reader = limits.OpenText(path);
        return Read(reader, Path.GetFileName(path), limits);
    }

    /// <summary>Reads an instance from <paramref name="reader"/>; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="InputFormatException">The text is malformed or breaks a limit.</exception>
    public static CoverageInstance Read(TextReader reader, string fileName, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        limits ??= FormatLimits.Default;
        var tokens = new Tokenizer(reader, fileName);
        var rows = tokens.NextInt("the number of rows");
        var columns = tokens.NextInt("the number of columns");
        if (rows <= 0 || columns <= 0)
        {
            throw tokens.Error($"expected positive row and column counts, found {rows} and {columns}");
        }

        limits.RequireVariables(columns, fileName, tokens.Line, "columns");

        // storage grows with the costs read, so a header alone allocates nothing; once all costs are
        // read, the column count is backed by input
        var cost = new List<double>(Math.Min(columns, 1 << 16));
        for (var j = 0; j < columns; j++)
        {
            cost.Add(tokens.NextCost(j + 1));
        }

        var covers = new List<int>?[columns];

        for (var i = 0; i < rows; i++)
        {
            var count = tokens.NextInt($"the column count of row {i + 1}");
            if (count <= 0 || count > columns)
            {
                throw tokens.Error($"row {i + 1} lists {count} columns; expected 1 to {columns}");
            }

            for (var k = 0; k < count; k++)
            {
                var j = tokens.NextInt($"column {k + 1} of {count} of row {i + 1}");
                if (j < 1 || j > columns)
                {
                    throw tokens.Error($"row {i + 1} names column {j}; columns are 1 to {columns}");
                }

                var list = covers[j - 1] ??= [];
                if (list.Count > 0 && list[^1] == i)
                {
                    throw tokens.Error($"row {i + 1} names column {j} twice");
                }

                list.Add(i);
            }
        }

        if (tokens.TryNext(out var extra))
        {
            throw tokens.Error($"unexpected '{Printable.Escape(extra)}' after the last of {rows} rows");
        }

        var weights = new double[rows];
        Array.Fill(weights, 1.0);
        var siteCovers = new int[columns][];
        for (var j = 0; j < columns; j++)
        {
            siteCovers[j] = covers[j] is { } list ? [.. list] : [];
        }

        return new CoverageInstance(weights, [.. cost], siteCovers);
    }

    private sealed class Tokenizer(TextReader reader, string fileName)
    {
        private string[] _parts = [];
        private int _next;

        public int Line { get; private set; }

        public InputFormatException Error(string reason) => new(fileName, Line, reason);

        public bool TryNext(out string token)
        {
            while (_next >= _parts.Length)
            {
                var line = reader.ReadLine();
                if (line is null)
                {
                    token = string.Empty;
                    return false;
                }

                Line++;
                _parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                _next = 0;
            }

            token = _parts[_next++];
            return true;
        }

        public int NextInt(string what)
        {
            if (!TryNext(out var token))
            {
                throw new InputFormatException(fileName, Line, $"file ends early: expected {what}");
            }

            return int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error($"expected {what} as an integer, found '{Printable.Escape(token)}'");
        }

        public double NextCost(int column)
        {
            if (!TryNext(out var token))
            {
                throw new InputFormatException(fileName, Line, $"file ends early: expected the cost of column {column}");
            }

            return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
                ? value
                : throw Error($"expected a non-negative cost for column {column}, found '{Printable.Escape(token)}'");
        }
    }
}
