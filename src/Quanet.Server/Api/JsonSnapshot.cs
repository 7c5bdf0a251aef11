using System.Security.Cryptography;

namespace Quanet.Server.Api;

/// <summary>
/// A read document serialised once: its UTF-8 JSON (null: the resource does not exist), its entity tag (a hash of
/// the bytes, so equal documents share a tag across versions and restarts), and the version of the state it shows.
/// </summary>
internal sealed record JsonSnapshot(long Version, byte[]? Utf8, string ETag)
{
    public static JsonSnapshot Create(long version, byte[]? utf8) =>
        new(version, utf8, utf8 is null ? "" : "\"" + Convert.ToHexStringLower(SHA256.HashData(utf8).AsSpan(0, 12)) + "\"");
}
