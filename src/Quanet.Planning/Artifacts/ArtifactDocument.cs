using System.Text.Json;
using Quanet.Core;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Artifacts;

/// <summary>
/// A parsed JSON artifact of a plan directory: syntax errors, a missing or newer <see cref="ArtifactVersion"/> and
/// every later complaint become <see cref="InputFormatException"/>s naming the file and the line, for GeoJSON the line
/// where the offending feature starts.
/// </summary>
public sealed partial class ArtifactDocument : IDisposable
{
    private readonly JsonDocument _document;
    private readonly int[] _itemLines;
    private string _noun = "feature";

    private ArtifactDocument(string file, JsonDocument document, int[] itemLines)
    {
        File = file;
        _document = document;
        _itemLines = itemLines;
    }

    /// <summary>The file name used in messages.</summary>
    public string File { get; }

    /// <summary>The root object.</summary>
    public JsonElement Root => _document.RootElement;

    /// <summary>Reads and parses <paramref name="path"/>; messages name it as given.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InputFormatException">Not JSON, not an object, or a newer version.</exception>
    public static ArtifactDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(System.IO.File.ReadAllBytes(path), path);
    }

    /// <summary>Parses <paramref name="utf8"/>; messages name <paramref name="file"/>.</summary>
    /// <exception cref="InputFormatException">Not JSON, not an object, or a newer version.</exception>
    public static ArtifactDocument Parse(byte[] utf8, string file)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(file);

        // JsonDocument checks the UTF-8 of strings only when they are read (an InvalidOperationException then, found
        // by bench/fuzz backhaul-geojson and security-json): check the whole document once, up front
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            var at = 0;
            while (at < utf8.Length && System.Text.Rune.DecodeFromUtf8(utf8.AsSpan(at), out _, out var used) == System.Buffers.OperationStatus.Done)
            {
                at += used;
            }

            throw new InputFormatException(file, 1 + utf8.AsSpan(0, at).Count((byte)'\n'), $"not valid UTF-8 (byte {at + 1})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(file, (int)(ex.LineNumber ?? 0) + 1, "not valid JSON: " + ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]);
        }

        var result = new ArtifactDocument(file, document, GeoJsonFile.FeatureLines(utf8, FormatLimits.Default.MaxJsonDepth));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            result.Dispose();
            throw new InputFormatException(file, 1, "expected a JSON object");
        }

        if (document.RootElement.TryGetProperty(ArtifactVersion.Field, out var version)
            && (!version.TryGetInt32(out var v) || v < 1 || v > ArtifactVersion.Current))
        {
            var text = version.GetRawText();
            result.Dispose();
            throw new InputFormatException(file, 1, $"\"{ArtifactVersion.Field}\" {text} is not a version this build reads (1 to {ArtifactVersion.Current})");
        }

        return result;
    }

    /// <summary>The <c>features</c> array of a GeoJSON FeatureCollection.</summary>
    /// <exception cref="InputFormatException">The root is not a FeatureCollection with a features array.</exception>
    public IReadOnlyList<JsonElement> Features() => Items("features", "a GeoJSON FeatureCollection with a \"features\" array");

    /// <summary>The array property <paramref name="name"/> of the root object.</summary>
    /// <exception cref="InputFormatException">The root has no such array.</exception>
    public IReadOnlyList<JsonElement> Items(string name, string expected)
    {
        if (!Root.TryGetProperty(name, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new InputFormatException(File, 1, "expected " + expected);
        }

        _noun = name == "features" ? "feature" : name.TrimEnd('s');
        return [.. items.EnumerateArray()];
    }

    /// <summary>
    /// An error about item <paramref name="index"/> (0-based) of the root's array, at the line where it starts
    /// ("feature 3: ..." for GeoJSON, "link 3: ..." for a <c>links</c> array).
    /// </summary>
    public InputFormatException Error(int index, string reason) =>
        new(File, index < _itemLines.Length ? _itemLines[index] : 1, $"{_noun} {index + 1}: {reason}");

    /// <summary>The 1-based line where item <paramref name="index"/> of the root's array starts.</summary>
    public int LineOf(int index) => index < _itemLines.Length ? _itemLines[index] : 1;

    /// <inheritdoc/>
    public void Dispose() => _document.Dispose();
}
