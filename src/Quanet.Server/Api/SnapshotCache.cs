using System.Collections.Concurrent;

namespace Quanet.Server.Api;

/// <summary>
/// Read documents by key (a resource with its normalised query), each rebuilt only when the state it shows has a
/// newer version than the one it was built from. A read of a current document takes no lock and does no work; a
/// rebuild happens once per change, however many callers are waiting.
/// </summary>
/// <remarks>
/// Callers read the version before building: a writer raises the version after its change is visible (inside the
/// lock the build also takes), so a document is never older than its version, and a read that starts after a write
/// returned sees a newer version than any document built before that write.
/// </remarks>
internal sealed class SnapshotCache
{
    // incidents by id and alarm filters make keys; a console polls a handful, so a full cache is simply emptied
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, JsonSnapshot> _documents = new(StringComparer.Ordinal);
    private readonly Lock _build = new();

    private readonly SemaphoreSlim _buildAsync = new(1, 1);

    /// <summary>The document <paramref name="key"/> at <paramref name="version"/> or newer, built by <paramref name="build"/> when missing.</summary>
    public JsonSnapshot Get(string key, long version, Func<byte[]?> build)
    {
        if (TryGetCurrent(key, version, out var current))
        {
            return current;
        }

        lock (_build)
        {
            return TryGetCurrent(key, version, out current) ? current : Keep(key, version, build());
        }
    }

    /// <summary>As <see cref="Get"/>, for a document whose source is read asynchronously (a job store).</summary>
    public async Task<JsonSnapshot> GetAsync(string key, long version, Func<CancellationToken, Task<byte[]?>> build, CancellationToken cancellationToken)
    {
        if (TryGetCurrent(key, version, out var current))
        {
            return current;
        }

        await _buildAsync.WaitAsync(cancellationToken);
        try
        {
            return TryGetCurrent(key, version, out current) ? current : Keep(key, version, await build(cancellationToken));
        }
        finally
        {
            _buildAsync.Release();
        }
    }

    private bool TryGetCurrent(string key, long version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonSnapshot? current) =>
        _documents.TryGetValue(key, out current) && current.Version >= version;

    private JsonSnapshot Keep(string key, long version, byte[]? utf8)
    {
        if (_documents.Count >= MaxEntries)
        {
            _documents.Clear();
        }

        var snapshot = JsonSnapshot.Create(version, utf8);
        _documents[key] = snapshot;
        return snapshot;
    }
}
