using Quanet.Security.Pqc;

namespace Quanet.Security.Tests.Pqc;

public sealed class MlKemTests
{
    [Fact]
    public void Key_generation_from_seed_matches_the_Wycheproof_vector_for_ML_KEM_768()
    {
        // C2SP Wycheproof mlkem_768_keygen_seed_test.json tcId 1 (FIPS 203 final); source and commit in the file
        var vector = KnownAnswerVector.Load("ml-kem-768-keygen-seed.json");

        var pair = MlKem.FromSeed(MlKemParameterSet.MlKem768, vector.Bytes("seed"));

        Assert.Equal(vector["ek"], Convert.ToHexStringLower(pair.EncapsulationKey));
        Assert.Equal(vector["dk"], Convert.ToHexStringLower(pair.DecapsulationKey));
    }

    [Theory]
    [InlineData(MlKemParameterSet.MlKem512, 800, 1632, 768)]
    [InlineData(MlKemParameterSet.MlKem768, 1184, 2400, 1088)]
    [InlineData(MlKemParameterSet.MlKem1024, 1568, 3168, 1568)]
    public void Encapsulation_and_decapsulation_agree_with_FIPS_203_sizes(MlKemParameterSet set, int ek, int dk, int ct)
    {
        var pair = MlKem.GenerateKeyPair(set);

        var encapsulation = MlKem.Encapsulate(set, pair.EncapsulationKey);
        var secret = MlKem.Decapsulate(set, pair.DecapsulationKey, encapsulation.Ciphertext);

        Assert.Equal(ek, pair.EncapsulationKey.Length);
        Assert.Equal(dk, pair.DecapsulationKey.Length);
        Assert.Equal(ct, encapsulation.Ciphertext.Length);
        Assert.Equal(32, secret.Length);
        Assert.Equal(encapsulation.SharedSecret, secret);
        Assert.Equal(pair.EncapsulationKey, MlKem.EncapsulationKeyOf(set, pair.DecapsulationKey));
    }

    [Fact]
    public void A_tampered_ciphertext_yields_a_different_secret_by_implicit_rejection()
    {
        var pair = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem768);
        var encapsulation = MlKem.Encapsulate(MlKemParameterSet.MlKem768, pair.EncapsulationKey);
        encapsulation.Ciphertext[17] ^= 0x01;

        var secret = MlKem.Decapsulate(MlKemParameterSet.MlKem768, pair.DecapsulationKey, encapsulation.Ciphertext);

        Assert.NotEqual(encapsulation.SharedSecret, secret);
    }

    [Fact]
    public void Deterministic_encapsulation_is_reproducible()
    {
        var pair = MlKem.FromSeed(MlKemParameterSet.MlKem512, new byte[64]);
        var m = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var first = MlKem.EncapsulateDeterministic(MlKemParameterSet.MlKem512, pair.EncapsulationKey, m);
        var second = MlKem.EncapsulateDeterministic(MlKemParameterSet.MlKem512, pair.EncapsulationKey, m);

        Assert.Equal(first.Ciphertext, second.Ciphertext);
        Assert.Equal(first.SharedSecret, second.SharedSecret);
    }

    [Fact]
    public void Rejects_an_encapsulation_key_of_the_wrong_length()
    {
        var ex = Assert.Throws<PqcKeyException>(() => MlKem.Encapsulate(MlKemParameterSet.MlKem768, new byte[800]));
        Assert.Equal("ML-KEM-768 encapsulation key must be 1184 bytes, got 800", ex.Message);
    }

    [Fact]
    public void Rejects_an_encapsulation_key_with_a_coefficient_above_the_modulus()
    {
        var ek = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem768).EncapsulationKey;
        ek[0] = 0xFF;
        ek[1] |= 0x0F; // first 12-bit coefficient becomes 4095 >= q

        var ex = Assert.Throws<PqcKeyException>(() => MlKem.Encapsulate(MlKemParameterSet.MlKem768, ek));
        Assert.Contains("modulus check", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_decapsulation_key_whose_embedded_hash_does_not_match()
    {
        var pair = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem512);
        pair.DecapsulationKey[800] ^= 0x80; // inside the embedded ek

        var ex = Assert.Throws<PqcKeyException>(() => MlKem.Decapsulate(MlKemParameterSet.MlKem512, pair.DecapsulationKey, new byte[768]));
        Assert.Contains("corrupt", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ML-KEM-768", MlKemParameterSet.MlKem768)]
    [InlineData("mlkem512", MlKemParameterSet.MlKem512)]
    [InlineData("1024", MlKemParameterSet.MlKem1024)]
    public void Parses_parameter_set_names(string name, MlKemParameterSet expected) => Assert.Equal(expected, MlKem.Parse(name));

    [Fact]
    public void Rejects_an_unknown_parameter_set_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => MlKem.Parse("ML-KEM-999"));
        Assert.StartsWith("unknown ML-KEM parameter set 'ML-KEM-999'", ex.Message, StringComparison.Ordinal);
    }
}
