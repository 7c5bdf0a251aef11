using Quanet.Kme.Storage;

namespace Quanet.Kme.Configuration;

/// <summary>Settings for the single-KME local mode, from a folder written by <c>quanet kme certs</c>.</summary>
public static class KmeDefaults
{
    /// <summary>
    /// A KME <paramref name="kmeId"/> serving <paramref name="saeIds"/> from a local simulated QKD pool, with
    /// <c>DIR/ca.crt</c>, <c>DIR/KME.crt</c>, <c>DIR/KME.key</c>, the store <c>DIR/KME.db</c> and its at-rest key in
    /// <c>DIR/KME.storekey</c> (created on first use, mode 600).
    /// </summary>
    public static KmeOptions Local(string kmeId, string certificateFolder, IEnumerable<string> saeIds, string listen)
    {
        ArgumentException.ThrowIfNullOrEmpty(kmeId);
        ArgumentNullException.ThrowIfNull(saeIds);
        var folder = Path.GetFullPath(certificateFolder);
        var storeKeyFile = Path.Combine(folder, kmeId + ".storekey");
        if (Directory.Exists(folder))
        {
            StoreKey.EnsureFile(storeKeyFile);
        }

        return new KmeOptions
        {
            KmeId = kmeId,
            Listen = listen,
            CaCertificate = Path.Combine(folder, "ca.crt"),
            Certificate = Path.Combine(folder, kmeId + ".crt"),
            PrivateKey = Path.Combine(folder, kmeId + ".key"),
            Saes = [.. saeIds.Select(id => new SaeEntry { Id = id, Kme = kmeId })],
            StorePath = Path.Combine(folder, kmeId + ".db"),
            StoreKeyFile = storeKeyFile,
        };
    }
}
