using Quanet.Security.Pqc;

namespace Quanet.Security.Tests.Pqc;

public sealed class PqcKeyPairTests
{
    // FIPS 203 table 3 (ek, dk) and FIPS 204 table 2 (pk, sk) sizes in bytes
    [Theory]
    [InlineData("ML-KEM-512", PqcKeyKind.MlKemPublic, 800, 1632)]
    [InlineData("ml-kem-768", PqcKeyKind.MlKemPublic, 1184, 2400)]
    [InlineData("MLKEM1024", PqcKeyKind.MlKemPublic, 1568, 3168)]
    [InlineData("ML-DSA-44", PqcKeyKind.MlDsaPublic, 1312, 2560)]
    [InlineData("mldsa65", PqcKeyKind.MlDsaPublic, 1952, 4032)]
    [InlineData("ML-DSA-87", PqcKeyKind.MlDsaPublic, 2592, 4896)]
    public void Generates_keys_of_the_standard_sizes(string name, PqcKeyKind publicKind, int publicBytes, int privateBytes)
    {
        Assert.True(PqcKeyPair.IsParameterSet(name));

        var pair = PqcKeyPair.Generate(name);

        Assert.Equal(publicKind, pair.Public.Kind);
        Assert.Equal(publicBytes, pair.Public.Raw.Length);
        Assert.Equal(privateBytes, pair.Private.Raw.Length);
        Assert.Equal(pair.Public.ParameterSet, pair.Private.ParameterSet);
    }

    [Theory]
    [InlineData("ML-KEM-999")]
    [InlineData("768")]
    [InlineData("RSA-2048")]
    public void Refuses_a_name_that_is_not_a_parameter_set(string name)
    {
        Assert.False(PqcKeyPair.IsParameterSet(name));
        var ex = Assert.ThrowsAny<ArgumentException>(() => PqcKeyPair.Generate(name));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }
}
