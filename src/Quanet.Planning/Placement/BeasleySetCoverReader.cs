using System.Globalization;
using Quanet.Core;

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
    /// <exception cref="InputFormatException">The file is malformed (the message names file, line and reason).</exception>
    public static CoverageInstance Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads an instance from <paramref name="reader"/>; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="InputFormatException">The text is malformed.</exception>
    public static CoverageInstance Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tokens = new Tokenizer(reader, fileName);
        var rows = tokens.NextInt("the number of rows");
        var columns = tokens.NextInt("the number of columns");
        if (rows <= 0 || columns <= 0)
        {
            throw tokens.Error($"expected positive row and column counts, found {rows} and {columns}");
        }

        var cost = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            cost[j] = tokens.NextCost(j + 1);
        }

        var covers = new List<int>[columns];
        for (var j = 0; j < columns; j++)
        {
            covers[j] = [];
        }

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

                var list = covers[j - 1];
                if (list.Count > 0 && list[^1] == i)
                {
                    throw tokens.Error($"row {i + 1} names column {j} twice");
                }

                list.Add(i);
            }
        }

        if (tokens.TryNext(out var extra))
        {
            throw tokens.Error($"unexpected '{extra}' after the last of {rows} rows");
        }

        var weights = new double[rows];
        Array.Fill(weights, 1.0);
        var siteCovers = new int[columns][];
        for (var j = 0; j < columns; j++)
        {
            siteCovers[j] = [.. covers[j]];
        }

        return new CoverageInstance(weights, cost, siteCovers);
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
                : throw Error($"expected {what} as an integer, found '{token}'");
        }

        public double NextCost(int column)
        {
            if (!TryNext(out var token))
            {
                throw new InputFormatException(fileName, Line, $"file ends early: expected the cost of column {column}");
            }

            return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
                ? value
                : throw Error($"expected a non-negative cost for column {column}, found '{token}'");
        }
    }
}
