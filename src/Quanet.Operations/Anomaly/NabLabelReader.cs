using System.Text.Json;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Operations.Anomaly;

/// <summary>Reads NAB's <c>labels/combined_windows.json</c>: data file path to a list of <c>[start, end]</c> timestamps.</summary>
internal static class NabLabelReader
{
    /// <summary>Reads the windows per data file as timestamp pairs.</summary>
    public static Dictionary<string, (DateTime Start, DateTime End)[]> Read(string path) =>
        Parse(FormatLimits.Default.ReadAllText(path), path);

    /// <summary>Parses the windows from <paramref name="json"/>; <paramref name="path"/> names it in errors.</summary>
    public static Dictionary<string, (DateTime Start, DateTime End)[]> Parse(string json, string path)
    {
        var result = new Dictionary<string, (DateTime, DateTime)[]>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = FormatLimits.Default.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(path, (int)(ex.LineNumber ?? -1) + 1, $"malformed JSON: {FirstSentence(ex.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputFormatException(path, 1, "expected an object mapping data file paths to lists of [start, end] windows");
            }

            foreach (var file in document.RootElement.EnumerateObject())
            {
                if (file.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new InputFormatException(path, 0, $"'{Printable.Escape(file.Name)}': expected a list of [start, end] windows");
                }

                var windows = new List<(DateTime, DateTime)>();
                foreach (var window in file.Value.EnumerateArray())
                {
                    if (window.ValueKind != JsonValueKind.Array || window.GetArrayLength() != 2
                        || window[0].ValueKind != JsonValueKind.String || window[1].ValueKind != JsonValueKind.String)
                    {
                        throw new InputFormatException(path, 0, $"'{Printable.Escape(file.Name)}': each window must be [\"start\", \"end\"] timestamps");
                    }

                    if (!NabCsvReader.TryParseTimestamp(window[0].GetString()!, out var start)
                        || !NabCsvReader.TryParseTimestamp(window[1].GetString()!, out var end))
                    {
                        throw new InputFormatException(path, 0, $"'{Printable.Escape(file.Name)}': bad window timestamp in [{Printable.Escape(window[0].GetString())}, {Printable.Escape(window[1].GetString())}]");
                    }

                    windows.Add((start, end));
                }

                result[file.Name.Replace('\\', '/')] = windows.ToArray();
            }
        }

        return result;
    }

    /// <summary>
    /// Maps timestamp windows to row indices. As NAB's labeler requires, both ends must be timestamps of
    /// the file and windows must be ordered and disjoint.
    /// </summary>
    public static AnomalyWindow[] ToWindows(string labelsPath, string name, (DateTime Start, DateTime End)[] windows, DateTime[] timestamps)
    {
        var result = new AnomalyWindow[windows.Length];
        var previousEnd = -1;
        for (var k = 0; k < windows.Length; k++)
        {
            // First occurrence, as NAB's sweeper looks timestamps up (some files repeat an hour at a DST change).
            var start = Array.IndexOf(timestamps, windows[k].Start);
            var end = Array.IndexOf(timestamps, windows[k].End);
            if (start < 0 || end < 0)
            {
                throw new InputFormatException(labelsPath, 0, $"'{name}': window [{windows[k].Start:yyyy-MM-dd HH:mm:ss}, {windows[k].End:yyyy-MM-dd HH:mm:ss}] does not start and end on timestamps of the data file");
            }

            if (end < start || start <= previousEnd)
            {
                throw new InputFormatException(labelsPath, 0, $"'{name}': windows must be ordered, non-empty and disjoint");
            }

            result[k] = new AnomalyWindow(start, end);
            previousEnd = end;
        }

        return result;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
