using Quanet.Core;
using Quanet.Security.Keys;
using Quanet.Security.Pqc;

namespace Quanet.Kme.Supply;

/// <summary>A KME's long-term ML-DSA-65 (FIPS 204) identity key, stored as one base64 line per file.</summary>
public static class PqcIdentity
{
    /// <summary>Writes <c>NAME.mldsa.key</c> (private, mode 600) and <c>NAME.mldsa.pub</c> into <paramref name="folder"/>.</summary>
    /// <returns>The two files written.</returns>
    public static IReadOnlyList<string> Write(string folder, string name)
    {
        var pair = MlDsa.GenerateKeyPair(MlDsaParameterSet.MlDsa65);
        var privateFile = Path.Combine(folder, name + ".mldsa.key");
        var publicFile = Path.Combine(folder, name + ".mldsa.pub");
        SecretFile.WriteText(privateFile, Convert.ToBase64String(pair.SecretKey) + "\n");
        File.WriteAllText(publicFile, Convert.ToBase64String(pair.PublicKey) + "\n");
        return [privateFile, publicFile];
    }

    internal static byte[] Load(string path)
    {
        try
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new QuanetException($"{path}: not an ML-DSA-65 key file: {ex.Message}");
        }
    }
}
