using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace Quanet.Planning.Terrain;

/// <summary>
/// LibTiff reports problems through one process-wide handler that writes to the console by default; a library never
/// does, so the handler here keeps the calling thread's last error for the reader's one-line message instead.
/// Its static constructor also registers the GeoTIFF tags (<see cref="GeoTiffTags"/>), so every use of LibTiff here starts with <see cref="Clear"/>.
/// </summary>
internal sealed class LibTiffErrors : TiffErrorHandler
{
    [ThreadStatic]
    private static string? _last;

    static LibTiffErrors()
    {
        Tiff.SetErrorHandler(new LibTiffErrors());
        GeoTiffTags.Register();
    }

    /// <summary>Installs the handler (once) and forgets the thread's last error.</summary>
    public static void Clear() => _last = null;

    /// <summary>": LibTiff's message" for the thread's last error, or empty.</summary>
    public static string Suffix() => _last is { } m ? " (" + m + ")" : string.Empty;

    public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) =>
        _last = string.Format(CultureInfo.InvariantCulture, format, args);

    public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) =>
        _last = string.Format(CultureInfo.InvariantCulture, format, args);

    public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
    {
        // warnings (unknown tags and the like) are not the user's concern
    }

    public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
    {
    }
}
