using Quanet.Core;
using Quanet.Kme.Configuration;
using Quanet.Security.Keys;

namespace Quanet.Kme.Storage;

/// <summary>Reads the 32-byte at-rest key from the settings (inline base64 or a key file).</summary>
internal static class StoreKey
{
    public static byte[] Read(KmeOptions options)
    {
        var (text, source) = string.IsNullOrEmpty(options.StoreKey)
            ? (ReadFile(options.StoreKeyFile), options.StoreKeyFile)
            : (options.StoreKey, "StoreKey");
        try
        {
            var key = Convert.FromBase64String(text.Trim());
            return key.Length == 32 ? key : throw new QuanetException($"{source}: the store key must be 32 bytes of base64, got {key.Length} bytes");
        }
        catch (FormatException)
        {
            throw new QuanetException($"{source}: the store key is not base64");
        }
    }

    /// <summary>Creates <paramref name="path"/> with a fresh random key (mode 600) unless it exists.</summary>
    public static void EnsureFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        SecretFile.WriteText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) + "\n");
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QuanetException($"{path}: cannot read the store key: {ex.Message}");
        }
    }
}
