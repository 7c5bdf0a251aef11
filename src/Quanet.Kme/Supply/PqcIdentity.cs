using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Quanet.Optimization;

namespace Quanet.Kme.Supply;

/// <summary>A KME's long-term ML-DSA-65 (FIPS 204) identity key, stored as one base64 line per file.</summary>
public static class PqcIdentity
{
    /// <summary>Writes <c>NAME.mldsa.key</c> (private, mode 600) and <c>NAME.mldsa.pub</c> into <paramref name="folder"/>.</summary>
    /// <returns>The two files written.</returns>
    public static IReadOnlyList<string> Write(string folder, string name)
    {
        var generator = new MLDsaKeyPairGenerator();
        generator.Init(new MLDsaKeyGenerationParameters(new SecureRandom(), MLDsaParameters.ml_dsa_65));
        var pair = generator.GenerateKeyPair();
        var privateFile = Path.Combine(folder, name + ".mldsa.key");
        var publicFile = Path.Combine(folder, name + ".mldsa.pub");
        File.WriteAllText(privateFile, Convert.ToBase64String(((MLDsaPrivateKeyParameters)pair.Private).GetEncoded()) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privateFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(publicFile, Convert.ToBase64String(((MLDsaPublicKeyParameters)pair.Public).GetEncoded()) + "\n");
        return [privateFile, publicFile];
    }

    internal static MLDsaPrivateKeyParameters LoadPrivate(string path) =>
        Load(path, bytes => MLDsaPrivateKeyParameters.FromEncoding(MLDsaParameters.ml_dsa_65, bytes));

    internal static MLDsaPublicKeyParameters LoadPublic(string path) =>
        Load(path, bytes => MLDsaPublicKeyParameters.FromEncoding(MLDsaParameters.ml_dsa_65, bytes));

    private static T Load<T>(string path, Func<byte[], T> decode)
    {
        try
        {
            return decode(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new QuanetException($"{path}: not an ML-DSA-65 key file: {ex.Message}");
        }
    }
}
