using Quanet.Kme.Configuration;
using Quanet.Kme.Storage.Postgres;

namespace Quanet.Kme.Storage;

/// <summary>Opens the store named by <see cref="KmeOptions.Store"/>.</summary>
internal static class KeyStores
{
    /// <exception cref="Quanet.Core.QuanetException">Unreadable store key, or the database cannot be reached.</exception>
    public static async Task<IKeyStore> OpenAsync(KmeOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = StoreKey.Read(options);
        var full = options.Durability == "full";
        try
        {
            return options.Store.Kind == "postgresql"
                ? await PostgresKeyStore.OpenAsync(options.Store.ConnectionString, key, full, time, cancellationToken).ConfigureAwait(false)
                : new SqliteKeyStore(options.StorePath, key, full, time);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }
    }
}
