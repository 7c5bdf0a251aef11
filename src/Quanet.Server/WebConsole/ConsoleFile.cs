namespace Quanet.Server.WebConsole;

/// <summary>One file of the built console, held in memory: its bytes, media type, entity tag and cache policy.</summary>
internal sealed record ConsoleFile(byte[] Content, string ContentType, string ETag, string CacheControl);
