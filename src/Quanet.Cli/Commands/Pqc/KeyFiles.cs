using Quanet.Core;
using Quanet.Security.Pqc;

namespace Quanet.Cli.Commands.Pqc;

/// <summary>Reads key and data files for the `pqc` commands with one clear error per problem.</summary>
internal static class KeyFiles
{
    public static PqcKey Read(FileInfo file, PqcKeyKind expected)
    {
        var key = PqcKeyFile.Decode(File.ReadAllBytes(file.FullName), file.Name);
        if (key.Kind != expected)
        {
            throw new InputFormatException(file.Name, 0, $"holds an {Describe(key.Kind)}, expected an {Describe(expected)}");
        }

        return key;
    }

    public static string Describe(PqcKeyKind kind) => kind switch
    {
        PqcKeyKind.MlKemPublic => "ML-KEM public key",
        PqcKeyKind.MlKemPrivate => "ML-KEM private key",
        PqcKeyKind.MlDsaPublic => "ML-DSA public key",
        _ => "ML-DSA private key",
    };

    public static PqcKeyFormat Format(string? name) => (name ?? "pem").ToLowerInvariant() switch
    {
        "pem" => PqcKeyFormat.Pem,
        "der" => PqcKeyFormat.Der,
        "raw" => PqcKeyFormat.Raw,
        // the --format option's validator admits only these three
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown key format"),
    };
}
