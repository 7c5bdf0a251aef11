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

    /// <summary>The document <paramref name="key"/> at <paramref name="version"/> or newer, built by <paramref name="build"/> when missing.</summary>
    public JsonSnapshot Get(string key, long version, Func<byte[]?> build)
    {
        if (_documents.TryGetValue(key, out var current) && current.Version >= version)
        {
            return current;
        }

        lock (_build)
        {
            if (_documents.TryGetValue(key, out current) && current.Version >= version)
            {
                return current;
            }

            if (_documents.Count >= MaxEntries)
            {
                _documents.Clear();
            }

            var snapshot = JsonSnapshot.Create(version, build());
            _documents[key] = snapshot;
            return snapshot;
        }
    }
}
