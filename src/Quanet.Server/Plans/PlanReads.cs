using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Quanet.Server.Api;

namespace Quanet.Server.Plans;

/// <summary>
/// The plan jobs' read documents (list, one job): serialised once per change when this server alone writes the store
/// (<see cref="PlanJobChanges.Version"/>), read afresh each time when other servers share it; both with an entity tag.
/// </summary>
internal sealed class PlanReads(IPlanJobStore store, PlanJobChanges changes, IOptions<JsonOptions> json)
{
    private readonly SnapshotCache _cache = new();

    /// <summary>The document <paramref name="key"/>, built by <paramref name="build"/> (null: not found) unless a current one is kept.</summary>
    public async Task<JsonSnapshot> GetAsync(string key, Func<CancellationToken, Task<byte[]?>> build, CancellationToken cancellationToken) =>
        store.SharedBetweenServers
            ? JsonSnapshot.Create(0, await build(cancellationToken))
            : await _cache.GetAsync(key, changes.Version, build, cancellationToken);

    /// <summary>The UTF-8 JSON of <paramref name="value"/> exactly as the API's <c>Results.Json</c> writes it.</summary>
    public byte[] Utf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, json.Value.SerializerOptions);
}
