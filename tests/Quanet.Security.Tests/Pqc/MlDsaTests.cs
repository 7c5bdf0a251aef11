using System.Text;
using Quanet.Security.Pqc;

namespace Quanet.Security.Tests.Pqc;

public sealed class MlDsaTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("backhaul link 17 key confirmation");

    [Fact]
    public void Key_generation_and_deterministic_signing_match_the_Wycheproof_vector_for_ML_DSA_65()
    {
        // C2SP Wycheproof mldsa_65_sign_seed_test.json tcId 1 "baseline" (FIPS 204 final); source and commit in the file
        var vector = KnownAnswerVector.Load("ml-dsa-65-sign-seed.json");

        var pair = MlDsa.FromSeed(MlDsaParameterSet.MlDsa65, vector.Bytes("seed"));
        var signature = MlDsa.SignDeterministic(MlDsaParameterSet.MlDsa65, pair.SecretKey, vector.Bytes("msg"));

        Assert.Equal(vector["publicKey"], Convert.ToHexStringLower(pair.PublicKey));
        Assert.Equal(vector["sig"], Convert.ToHexStringLower(signature));
        Assert.True(MlDsa.Verify(MlDsaParameterSet.MlDsa65, pair.PublicKey, vector.Bytes("msg"), vector.Bytes("sig")));
    }

    [Theory]
    [InlineData(MlDsaParameterSet.MlDsa44, 1312, 2560, 2420)]
    [InlineData(MlDsaParameterSet.MlDsa65, 1952, 4032, 3309)]
    [InlineData(MlDsaParameterSet.MlDsa87, 2592, 4896, 4627)]
    public void Signs_and_verifies_with_FIPS_204_sizes(MlDsaParameterSet set, int pk, int sk, int sig)
    {
        var pair = MlDsa.GenerateKeyPair(set);

        var signature = MlDsa.Sign(set, pair.SecretKey, Message);

        Assert.Equal(pk, pair.PublicKey.Length);
        Assert.Equal(sk, pair.SecretKey.Length);
        Assert.Equal(sig, signature.Length);
        Assert.True(MlDsa.Verify(set, pair.PublicKey, Message, signature));
        Assert.Equal(pair.PublicKey, MlDsa.PublicKeyOf(set, pair.SecretKey));
    }

    [Fact]
    public void Rejects_a_signature_on_a_changed_message_or_context()
    {
        var pair = MlDsa.GenerateKeyPair(MlDsaParameterSet.MlDsa65);
        var context = Encoding.UTF8.GetBytes("quanet");
        var signature = MlDsa.Sign(MlDsaParameterSet.MlDsa65, pair.SecretKey, Message, context);
        var changed = (byte[])Message.Clone();
        changed[0] ^= 1;

        Assert.True(MlDsa.Verify(MlDsaParameterSet.MlDsa65, pair.PublicKey, Message, signature, context));
        Assert.False(MlDsa.Verify(MlDsaParameterSet.MlDsa65, pair.PublicKey, changed, signature, context));
        Assert.False(MlDsa.Verify(MlDsaParameterSet.MlDsa65, pair.PublicKey, Message, signature));
        Assert.False(MlDsa.Verify(MlDsaParameterSet.MlDsa65, pair.PublicKey, Message, signature.AsSpan(1).ToArray(), context));
    }

    [Fact]
    public void Hedged_signatures_differ_but_both_verify()
    {
        var pair = MlDsa.GenerateKeyPair(MlDsaParameterSet.MlDsa44);

        var first = MlDsa.Sign(MlDsaParameterSet.MlDsa44, pair.SecretKey, Message);
        var second = MlDsa.Sign(MlDsaParameterSet.MlDsa44, pair.SecretKey, Message);

        Assert.NotEqual(first, second);
        Assert.True(MlDsa.Verify(MlDsaParameterSet.MlDsa44, pair.PublicKey, Message, first));
        Assert.True(MlDsa.Verify(MlDsaParameterSet.MlDsa44, pair.PublicKey, Message, second));
    }

    [Fact]
    public void Rejects_a_secret_key_of_the_wrong_length()
    {
        var ex = Assert.Throws<PqcKeyException>(() => MlDsa.Sign(MlDsaParameterSet.MlDsa65, new byte[100], Message));
        Assert.Equal("ML-DSA-65 secret key must be 4032 bytes, got 100", ex.Message);
    }

    [Fact]
    public void Rejects_a_context_longer_than_255_bytes()
    {
        var pair = MlDsa.GenerateKeyPair(MlDsaParameterSet.MlDsa44);
        Assert.Throws<ArgumentException>(() => MlDsa.Sign(MlDsaParameterSet.MlDsa44, pair.SecretKey, Message, new byte[256]));
    }

    [Fact]
    public void Rejects_an_unknown_parameter_set_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => MlDsa.Parse("ML-DSA-66"));
        Assert.StartsWith("unknown ML-DSA parameter set 'ML-DSA-66'", ex.Message, StringComparison.Ordinal);
    }
}
