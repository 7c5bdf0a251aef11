using System.Text.Json;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Server.Plans;

/// <summary>
/// Reads the KMEs <c>quanet serve --kmes FILE</c> shows, a JSON file:
/// <c>{"kmes": [{"name": "KME_A", "url": "https://127.0.0.1:8443", "ca": "certs/ca.crt", "cert": "certs/noc.crt",
/// "key": "certs/noc.key", "slave_sae": "SAE_B"}]}</c>. <c>ca</c>, <c>cert</c>, <c>key</c> and <c>slave_sae</c> go
/// together (the server asks the KME for its status as the SAE of <c>cert</c>); without them only the address is
/// probed. Relative paths are taken from the file's folder.
/// </summary>
public static class KmeListFile
{
    private const long MaxBytes = 1 << 20;
    private static readonly string[] CredentialFields = ["ca", "cert", "key", "slave_sae"];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="InputFormatException">The file is not such a list; the message names the entry and field.</exception>
    public static IReadOnlyList<KmeEndpoint> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new InputFormatException(name, 1, $"larger than {MaxBytes} bytes: not a KME list");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(name, (int)(ex.LineNumber ?? 0) + 1, "not valid JSON: " + Printable.Escape(ex.Message, 120));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("kmes", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InputFormatException(name, 1, "expected an object with a \"kmes\" array");
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var kmes = new List<KmeEndpoint>();
            foreach (var entry in list.EnumerateArray())
            {
                kmes.Add(Entry(entry, $"kmes[{kmes.Count}]", folder, name));
            }

            var twice = kmes.GroupBy(k => k.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            return twice is null ? kmes : throw new InputFormatException(name, 1, $"KME '{Printable.Escape(twice.Key, 60)}' is listed twice");
        }
    }

    private static KmeEndpoint Entry(JsonElement entry, string where, string folder, string file)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException(file, 1, $"{where}: expected an object");
        }

        string? Text(string field) => !entry.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.String ? v.GetString() : throw new InputFormatException(file, 1, $"{where}.{field}: expected a string");

        var kme = Text("name") is { Length: > 0 } n ? n : throw new InputFormatException(file, 1, $"{where}.name: missing");
        Uri? address = null;
        if (Text("url") is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out address) && address.Scheme == Uri.UriSchemeHttps))
        {
            throw new InputFormatException(file, 1, $"{where}.url: '{Printable.Escape(url, 80)}' is not an https URL");
        }

        var given = CredentialFields.Where(f => Text(f) is not null).ToArray();
        if (given.Length == 0)
        {
            return new KmeEndpoint(kme, address);
        }

        if (given.Length < CredentialFields.Length || address is null)
        {
            var missing = CredentialFields.Except(given).Append(address is null ? "url" : null).OfType<string>();
            throw new InputFormatException(file, 1, $"{where}: {string.Join(", ", given)} need {string.Join(", ", missing)} too");
        }

        string File(string field)
        {
            var full = Path.GetFullPath(Path.Combine(folder, Text(field)!));
            return System.IO.File.Exists(full) ? full : throw new InputFormatException(file, 1, $"{where}.{field}: no file {Printable.Escape(full, 120)}");
        }

        return new KmeEndpoint(kme, address, new KmeCredentials(File("ca"), File("cert"), File("key"), Text("slave_sae")!));
    }
}
