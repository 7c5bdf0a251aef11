using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Quanet.Server.WebConsole;

/// <summary>
/// The console as the build left it in <c>wwwroot/console</c> beside the server's assemblies: read once at start
/// (a few hundred kilobytes). File names with an esbuild content hash are cached for a year (a new build gives new
/// names); <c>index.html</c> and the rest are revalidated on every load through their entity tag.
/// </summary>
internal sealed partial class ConsoleBundle
{
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".json"] = "application/json",
    };

    private readonly Dictionary<string, ConsoleFile> _files;

    private ConsoleBundle(Dictionary<string, ConsoleFile> files) => _files = files;

    /// <summary>The folder of the built console beside the server's assemblies.</summary>
    public static string DefaultRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot", "console");

    /// <summary>True when the build produced the console (its <c>index.html</c> exists).</summary>
    public bool IsBuilt => _files.ContainsKey("index.html");

    /// <summary>Reads every file under <paramref name="root"/> (none when the folder is missing).</summary>
    public static ConsoleBundle Load(string root)
    {
        var files = new Dictionary<string, ConsoleFile>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return new ConsoleBundle(files);
        }

        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (!MediaTypes.TryGetValue(Path.GetExtension(path), out var type))
            {
                continue;
            }

            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            var content = File.ReadAllBytes(path);
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            var cache = Hashed().IsMatch(Path.GetFileName(name)) ? "public, max-age=31536000, immutable" : "no-cache";
            files[name] = new ConsoleFile(content, type, etag, cache);
        }

        return new ConsoleBundle(files);
    }

    /// <summary>The file at <paramref name="name"/> (relative, '/'-separated), or null.</summary>
    public ConsoleFile? Find(string name) => _files.GetValueOrDefault(name);

    // esbuild's [name]-[hash]: eight upper-case base32 characters before the extension
    [GeneratedRegex("-[A-Z0-9]{8}\\.(js|css|png|svg)$")]
    private static partial Regex Hashed();
}
