using System.Text;

namespace Quanet.Operations.Ingestion;

/// <summary>Reads VES events from NDJSON: one body (event, batch or bare event) per line; blank lines are skipped.</summary>
public static class NdjsonEvents
{
    /// <summary>Reads <paramref name="path"/> line by line.</summary>
    public static IEnumerable<NdjsonLine> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return ParseLine(number, text);
        }
    }

    /// <summary>Parses one NDJSON line.</summary>
    public static NdjsonLine ParseLine(int number, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new NdjsonLine(number, VesParser.ParseBody(Encoding.UTF8.GetBytes(text)), null);
        }
        catch (VesValidationException ex)
        {
            return new NdjsonLine(number, [], ex.Message);
        }
    }
}
