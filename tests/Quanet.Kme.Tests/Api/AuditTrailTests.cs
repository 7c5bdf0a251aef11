using System.Text;
using Quanet.Kme.Client;
using Quanet.Kme.Hosting;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Api;

/// <summary>
/// Every key a KME releases is in its audit trail (who, which key, when, which call), a refused SAE learns nothing
/// about other SAEs' keys, and key material reaches neither the log nor the audit trail (issue #16, defect 8).
/// </summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task Releases_are_audited_by_certificate_name_and_call_and_no_key_material_is_logged_or_audited()
    {
        using var pki = new Pki();
        var log = new List<string>();
        var options = SingleKme.Options(pki, ["SAE_A", "SAE_B", "SAE_C"]);
        var started = DateTimeOffset.UtcNow;
        List<string> material;
        string[] ids;
        IReadOnlyList<KeyDelivery> trail;
        await using (var kme = await KmeServer.StartAsync(options, TimeProvider.System, line => { lock (log) { log.Add(line); } }))
        {
            using var master = new KmeClient(kme.BaseAddress, pki.Identity("SAE_A"), pki.Ca);
            using var slave = new KmeClient(kme.BaseAddress, pki.Identity("SAE_B"), pki.Ca);
            using var stranger = new KmeClient(kme.BaseAddress, pki.Identity("SAE_C"), pki.Ca);
            await KmePair.WaitForKeysAsync(master, "SAE_B", 10);

            var issued = (await master.GetKeysAsync("SAE_B", 3, 256)).Value!.Keys;
            ids = [.. issued.Select(k => k.KeyId)];
            var byStranger = await stranger.GetKeysWithIdsAsync("SAE_A", [ids[2]]);
            var bySlave = await slave.GetKeysWithIdsAsync("SAE_A", ids[..2]);
            material = [.. issued.Select(k => k.Key)];
            trail = await kme.ListDeliveriesAsync();

            Assert.Equal(400, byStranger.StatusCode);
            Assert.Equal(200, bySlave.StatusCode);
        }

        Assert.Equal(
            [("SAE_A", ids[0], KeyDeliveryCall.EncKeys), ("SAE_A", ids[1], KeyDeliveryCall.EncKeys), ("SAE_A", ids[2], KeyDeliveryCall.EncKeys), ("SAE_B", ids[0], KeyDeliveryCall.DecKeys), ("SAE_B", ids[1], KeyDeliveryCall.DecKeys)],
            trail.Select(r => (r.Sae, r.KeyId, r.Call)));
        Assert.All(trail, r => Assert.InRange(r.At, started.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1)));
        var audited = string.Join("\n", trail.Select(r => r.ToString()));
        var logged = string.Join("\n", log);
        var files = Directory.EnumerateFiles(pki.Folder, "single.db*").Select(File.ReadAllBytes).ToList();
        foreach (var key in material)
        {
            var raw = Convert.FromBase64String(key);
            Assert.DoesNotContain(key, audited, StringComparison.Ordinal);
            Assert.DoesNotContain(key, logged, StringComparison.Ordinal);
            Assert.All(files, bytes => Assert.True(bytes.AsSpan().IndexOf(raw.AsSpan(0, 16)) < 0 && bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(key)) < 0));
        }
    }
}
