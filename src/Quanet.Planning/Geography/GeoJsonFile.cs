using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Planning.Geography;

/// <summary>Reads a GeoJSON FeatureCollection with NetTopologySuite, keeping the line where each feature starts for messages.</summary>
internal sealed class GeoJsonFile
{
    private static readonly JsonSerializerOptions DefaultOptions = CreateOptions(FormatLimits.Default.MaxJsonDepth);
    private readonly int[] _featureLines;

    private GeoJsonFile(string file, FeatureCollection features, int[] featureLines)
    {
        File = file;
        Features = features;
        _featureLines = featureLines;
    }

    /// <summary>File name used in messages.</summary>
    public string File { get; }

    /// <summary>The features.</summary>
    public FeatureCollection Features { get; }

    /// <summary>Parses <paramref name="utf8"/> within <paramref name="limits"/> (default <see cref="FormatLimits.Default"/>); syntax errors become <see cref="InputFormatException"/>s with the line.</summary>
    public static GeoJsonFile Parse(byte[] utf8, string file, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        limits ??= FormatLimits.Default;
        limits.RequireInputSize(utf8.Length, file);
        var options = limits.MaxJsonDepth == FormatLimits.Default.MaxJsonDepth ? DefaultOptions : CreateOptions(limits.MaxJsonDepth);
        FeatureCollection? features;
        try
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(utf8, options);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            throw new InputFormatException(file, line, "invalid GeoJSON: " + FirstSentence(ex.Message));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException or OverflowException)
        {
            // the converters throw these for values of the wrong kind or size (a 10,000-digit number overflows a decimal)
            throw new InputFormatException(file, 1, "invalid GeoJSON: " + FirstSentence(ex.Message));
        }

        if (features is null)
        {
            throw new InputFormatException(file, 1, "expected a GeoJSON FeatureCollection");
        }

        var geo = new GeoJsonFile(file, features, FeatureLines(utf8, limits.MaxJsonDepth));
        geo.CheckAttributes();
        return geo;
    }

    /// <summary>The 1-based line where feature <paramref name="index"/> starts.</summary>
    public int LineOf(int index) => index < _featureLines.Length ? _featureLines[index] : 1;

    /// <summary>An exception about feature <paramref name="index"/>.</summary>
    public InputFormatException Error(int index, string reason) => new(File, LineOf(index), $"feature {index + 1}: {reason}");

    /// <summary>A numeric property, or <paramref name="fallback"/> when absent.</summary>
    public double Number(int index, IAttributesTable? attributes, string name, double? fallback)
    {
        if (attributes is null || !attributes.Exists(name) || attributes[name] is null)
        {
            return fallback ?? throw Error(index, $"missing property '{name}'");
        }

        var value = attributes[name] switch
        {
            double d => d,
            decimal m => (double)m,
            long l => l,
            int i => i,
            string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            var other => throw Error(index, $"property '{name}' is not a number ({Printable.Escape(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture))})"),
        };
        return double.IsFinite(value) ? value : throw Error(index, $"property '{name}' is not finite");
    }

    /// <summary>A text property, or <paramref name="fallback"/> when absent.</summary>
    public static string Text(IAttributesTable? attributes, string name, string fallback) =>
        attributes is not null && attributes.Exists(name) && attributes[name] is { } v ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? fallback : fallback;

    // the converter boxes property values only when they are first looked up, so a number no decimal
    // holds (1e309, 10,000 digits) would fail later, outside any input error; look each one up now
    private void CheckAttributes()
    {
        for (var i = 0; i < Features.Count; i++)
        {
            if (Features[i]?.Attributes is not { } attributes)
            {
                continue;
            }

            var name = string.Empty;
            try
            {
                foreach (var each in attributes.GetNames())
                {
                    name = each;
                    _ = attributes[name];
                }
            }
            catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or FormatException or OverflowException)
            {
                // names are transcoded lazily too: an invalid UTF-8 name fails in GetNames
                throw Error(i, $"property '{Printable.Escape(name)}' cannot be read ({Printable.Escape(FirstSentence(ex.Message), 60)})");
            }
        }
    }

    private static JsonSerializerOptions CreateOptions(int maxDepth)
    {
        var options = new JsonSerializerOptions { MaxDepth = maxDepth };
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }

    /// <summary>
    /// The 1-based line where each object of a top-level array starts (a GeoJSON feature, an artifact item):
    /// JsonElement has no position, so one pass of the reader notes them.
    /// </summary>
    internal static int[] FeatureLines(byte[] utf8, int maxDepth)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = maxDepth });
        var line = 1;
        long counted = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                var at = reader.TokenStartIndex;
                for (var i = counted; i < at; i++)
                {
                    if (utf8[i] == (byte)'\n')
                    {
                        line++;
                    }
                }

                counted = at;
                lines.Add(line);
                reader.Skip();
            }
        }

        return [.. lines];
    }

    /// <summary>UTF-8 bytes of a text (for readers given strings in tests).</summary>
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
