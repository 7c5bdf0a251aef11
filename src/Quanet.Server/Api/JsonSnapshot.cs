using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Quanet.Server.Api;

/// <summary>
/// A read document serialised once: its UTF-8 JSON (null: the resource does not exist), its entity tag (a hash of
/// the bytes, so equal documents share a tag across versions and restarts), the version of the state it shows, and
/// its gzip form, made at the first request that accepts it.
/// </summary>
internal sealed class JsonSnapshot
{
    // below about one TCP segment compression saves no round trip
    private const int CompressFrom = 1400;
    private readonly Lazy<byte[]?> _gzip;

    private JsonSnapshot(long version, byte[]? utf8, string etag)
    {
        Version = version;
        Utf8 = utf8;
        ETag = etag;
        Tag = etag.Length > 0 ? EntityTagHeaderValue.Parse(etag) : null;
        _gzip = new Lazy<byte[]?>(() => utf8 is { Length: >= CompressFrom } ? Compress(utf8) : null);
    }

    public long Version { get; }

    public byte[]? Utf8 { get; }

    /// <summary>
    /// Weak (<c>W/"..."</c>): the plain and the gzip body are the same document, and If-None-Match compares weakly, so
    /// one tag serves both.
    /// </summary>
    public string ETag { get; }

    /// <summary><see cref="ETag"/> parsed, for comparing with If-None-Match; null when the resource does not exist.</summary>
    public EntityTagHeaderValue? Tag { get; }

    /// <summary>The document gzipped, or null when it is too small to gain from it.</summary>
    public byte[]? Gzip => _gzip.Value;

    public static JsonSnapshot Create(long version, byte[]? utf8) =>
        new(version, utf8, utf8 is null ? "" : "W/\"" + Convert.ToHexStringLower(SHA256.HashData(utf8).AsSpan(0, 12)) + "\"");

    private static byte[] Compress(byte[] utf8)
    {
        using var buffer = new MemoryStream(utf8.Length / 4);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(utf8);
        }

        return buffer.ToArray();
    }
}
