using System.Collections.Concurrent;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Api;

/// <summary>50 parallel SAE clients x 200 enc_keys requests across both KMEs; every key is fetched by its slave.</summary>
[Collection(KmeCollection.Name)]
public sealed class ConcurrencyTests(KmePair kmes)
{
    private const int Clients = 50;
    private const int RequestsPerClient = 200;

    [Fact]
    public async Task Every_key_ID_goes_to_its_master_once_and_to_its_slave_once_and_none_is_lost()
    {
        // Half the masters are SAE_A at KME_A (slave SAE_B at KME_B), half SAE_B at KME_B (slave SAE_A at KME_A).
        var issued = new ConcurrentDictionary<string, (string Key, bool FromA)>();
        var duplicates = 0;
        var failures = new ConcurrentQueue<string>();
        var masters = Enumerable.Range(0, Clients).Select(async c =>
        {
            var fromA = c % 2 == 0;
            using var client = fromA ? kmes.Client(kmes.A, "SAE_A") : kmes.Client(kmes.B, "SAE_B");
            for (var r = 0; r < RequestsPerClient; r++)
            {
                var response = await client.GetKeysAsync(fromA ? "SAE_B" : "SAE_A", 1, 256);
                if (response.Value is null)
                {
                    failures.Enqueue($"enc_keys {response.StatusCode}: {response.Error?.Message}");
                    continue;
                }

                if (!issued.TryAdd(response.Value.Keys[0].KeyId, (response.Value.Keys[0].Key, fromA)))
                {
                    Interlocked.Increment(ref duplicates);
                }
            }
        });
        await Task.WhenAll(masters);

        var all = issued.ToArray();
        var fetched = new ConcurrentDictionary<string, string>();
        var slaves = Enumerable.Range(0, Clients).Select(async c =>
        {
            using var atB = kmes.Client(kmes.B, "SAE_B");
            using var atA = kmes.Client(kmes.A, "SAE_A");
            for (var i = c; i < all.Length; i += Clients)
            {
                var (id, (_, fromA)) = (all[i].Key, all[i].Value);
                var response = fromA ? await atB.GetKeysWithIdsAsync("SAE_A", [id]) : await atA.GetKeysWithIdsAsync("SAE_B", [id]);
                // A second fetch must fail; checked for every 10th key to keep the run short.
                var again = i % 10 != 0 ? 400 : (fromA ? await atB.GetKeysWithIdsAsync("SAE_A", [id]) : await atA.GetKeysWithIdsAsync("SAE_B", [id])).StatusCode;
                if (response.Value is null || again != 400 || !fetched.TryAdd(id, response.Value.Keys[0].Key))
                {
                    failures.Enqueue($"dec_keys {id}: first {response.StatusCode}, second {again}");
                }
            }
        });
        await Task.WhenAll(slaves);

        Assert.Empty(failures);
        Assert.Equal(0, duplicates);
        Assert.Equal(Clients * RequestsPerClient, issued.Count);
        Assert.Equal(issued.Count, fetched.Count);
        Assert.All(issued, pair => Assert.Equal(pair.Value.Key, fetched[pair.Key]));
        Assert.Equal(issued.Count, issued.Values.Select(v => v.Key).Distinct().Count());
    }
}
