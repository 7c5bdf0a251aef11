using CsCheck;
using Quanet.Security.Pqc;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Security.Tests.Pqc.Mutation;

/// <summary>
/// Hostile mutants of ML-KEM and ML-DSA key files, public and private, as <see cref="PqcKeyFile.Encode"/> writes
/// them in each format, through <see cref="PqcKeyFile.Decode"/>: each either reads or refuses with one printable
/// line, within bounded memory and time (issue #16).
/// </summary>
public sealed class PqcKeyFileMutationTests
{
    private const int Iterations = 200;

    private static readonly Lazy<PqcKey[]> Keys = new(() =>
        [.. new[] { "ML-KEM-512", "ML-DSA-44" }.Select(PqcKeyPair.Generate).SelectMany(p => new[] { p.Public, p.Private })]);

    [Theory]
    [InlineData(PqcKeyFormat.Pem)]
    [InlineData(PqcKeyFormat.Der)]
    [InlineData(PqcKeyFormat.Raw)]
    public void Key_file_decoder_survives_mutants(PqcKeyFormat format)
    {
        var seeds = Keys.Value.Select(k => PqcKeyFile.Encode(k, format)).ToArray();
        Assert.All(seeds, s => PqcKeyFile.Decode(s, "seed.key"));

        InputMutations.Of(seeds).Sample(input => HostileInput.Check(input, b => PqcKeyFile.Decode(b, "key.pem")), iter: Iterations, threads: 1);
    }
}
