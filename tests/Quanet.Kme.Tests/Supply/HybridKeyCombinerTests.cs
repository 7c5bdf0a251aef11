using CsCheck;
using Quanet.Kme.Supply;

namespace Quanet.Kme.Tests.Supply;

public sealed class HybridKeyCombinerTests
{
    private static readonly HybridKeyContext Context = new(
        "6f1f4b3c-0000-4000-8000-000000000001", "SAE_1", "SAE_2", Enumerable.Repeat((byte)0xA5, 1184).ToArray(), Enumerable.Repeat((byte)0x5A, 1088).ToArray());

    // NIST ACVP KDA-HKDF-Sp800-56Cr2 sample vectors (usnistgov/ACVP-Server gen-val/json-files/KDA-HKDF-Sp800-56Cr2/
    // internalProjection.json, test cases 199 and 200: hmacAlg SHA2-256, random salt, multi-expansion): one extraction with
    // salt and Z, then one expansion per FixedInfo, L = 1024 bits.
    [Theory]
    [InlineData(
        "97FF0058EA21036DC21FAFCEEF73DB3807003CBA777E08019EC623BDA2",
        "F662D49BE0FD3687A707A977E5C9FE8A730F756E59C5524876180537C3617E2880E767C5AD30B148EC6052A35AEFFE764B2CD120DBD0925E2881CC924622E7F9",
        "AB4B59AB5B292BE7CBA7106474E2992B",
        "AC42CE531421479A0CC264D78ECAAE9210D5602692341CC3AEFF4AD1FEF14689D44514C7F2BA8E7BBC8823FB5F9615F7A794E728D9EC2E6C057F6AF3B334D2E6A79A929F4D824F25A994FADC65DF2C1FCAA91857876828E4CC89A7A283026D4036FC744BA609B2952B484E7A2F69229760D9B09D7FEEE322DC8B90CE25B1631D")]
    [InlineData(
        "97FF0058EA21036DC21FAFCEEF73DB3807003CBA777E08019EC623BDA2",
        "F662D49BE0FD3687A707A977E5C9FE8A730F756E59C5524876180537C3617E2880E767C5AD30B148EC6052A35AEFFE764B2CD120DBD0925E2881CC924622E7F9",
        "AA0367E4404AB64430513EEB247ACA42",
        "E4A3C4F6E8209D3C9F91813F44A5C3B77B7589E9A9155518D053124A5C1547AFF67406058B541670E16B094B7DBDC7ED7BA14682B7A4F6807691D79C15D39699EBB9C256A4C164CB59F522C828729C51AB93080DD23BB22D29A7BB00866B85860727BD22324FED830751167B1BADF205BB44EB3A6ADCF282D420C383CF4B7396")]
    [InlineData(
        "0C9D9518E36171D0AC86B1FC195DC7381EF88C8578110D766E576DF201",
        "EC8BFE4A5F58FD48CD1766009870DFFF898F73C91BE9A45B119776F6D5528F780D0EDE366D7B910C723B3245B6759ACDF2736A4F3F5078CBC26BC6F0647084FF",
        "88DB675A52EC9684411C08E07070BF8C",
        "3F41DEE1CB16B00B97CA59C77A5BD1E933E6CD1E66E8F99F0B14B79E73A89EB7E1F4E03037740EAAE86E119946AF32726C42DEFD693264F641EBE7412BA0155C5E8D5CB4FC4CE875599702ED8E36071C485C9AB3A6CAB7149E2E63F4977815CF80D1F3B1E17B935099CF07A0E71B863A76D284D039FBBC71C03CE9A8F5A7AFE6")]
    [InlineData(
        "0C9D9518E36171D0AC86B1FC195DC7381EF88C8578110D766E576DF201",
        "EC8BFE4A5F58FD48CD1766009870DFFF898F73C91BE9A45B119776F6D5528F780D0EDE366D7B910C723B3245B6759ACDF2736A4F3F5078CBC26BC6F0647084FF",
        "5C1D76323DD173F4DFB31994B467C7D8",
        "9C27F7BD85E2B116707E0EE8E8269754DAA58D0022251EEF65672C7D5CDC4311F8C12B6FF737C0F28DC5105C241CB7819A98A83CC45586CF94C8E0A4B8174DA71F77BCC0302C98AE6713EB7EFFE718C66A88905CF61D68B54C70F5FDC3E271EB42F5E59D36AAE7394EED9FDEC6C494AD0D6CBD48519693355E0A8DBE65D9F55C")]
    public void Kdf_matches_the_NIST_ACVP_SP_800_56C_rev2_HKDF_vectors(string z, string salt, string fixedInfo, string dkm)
    {
        var derived = HybridKeyCombiner.Derive(Convert.FromHexString(z), Convert.FromHexString(salt), Convert.FromHexString(fixedInfo), 128);

        Assert.Equal(dkm, Convert.ToHexString(derived));
    }

    // RFC 5869 appendix A.1 (HKDF-SHA256, basic test case) and A.3 (zero-length salt and info, the salt the
    // combiner uses).
    [Theory]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42,
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "", 42,
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")]
    public void Kdf_matches_the_RFC_5869_HKDF_SHA256_test_cases(string ikm, string salt, string info, int length, string okm)
    {
        var derived = HybridKeyCombiner.Derive(Convert.FromHexString(ikm), Convert.FromHexString(salt), Convert.FromHexString(info), length);

        Assert.Equal(okm, Convert.ToHexStringLower(derived));
    }

    // Reference value computed independently with OpenSSL 3.0's HKDF over the FixedInfo layout documented on
    // HybridKeyCombiner (a Python script built the FixedInfo bytes):
    // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexkey:<Z_qkd||Z_kem> -kdfopt hexinfo:<FixedInfo> HKDF
    [Fact]
    public void Combined_key_matches_an_independent_OpenSSL_computation_of_the_stated_construction()
    {
        var qkd = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var kem = Enumerable.Range(32, 32).Select(i => (byte)i).ToArray();

        var key = HybridKeyCombiner.Combine(qkd, kem, Context, 32);

        Assert.Equal("9cf4fd6657a8945750f8ac0565a934b338970751c09e0f3e9f3e9dd07e195ff1", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Changing_either_secret_changes_the_key()
    {
        var inputs = Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[32], Gen.Int[0, 511]);

        inputs.Sample((qkd, kem, bit) =>
        {
            var key = HybridKeyCombiner.Combine(qkd, kem, Context, 32);
            var qkdFlipped = (byte[])qkd.Clone();
            qkdFlipped[bit % 256 / 8] ^= (byte)(1 << (bit % 8));
            var kemFlipped = (byte[])kem.Clone();
            kemFlipped[bit % 256 / 8] ^= (byte)(1 << (bit % 8));
            return !key.AsSpan().SequenceEqual(HybridKeyCombiner.Combine(qkdFlipped, kem, Context, 32))
                && !key.AsSpan().SequenceEqual(HybridKeyCombiner.Combine(qkd, kemFlipped, Context, 32));
        }, iter: 500);
    }

    [Fact]
    public void Changing_the_context_changes_the_key()
    {
        var qkd = new byte[32];
        var kem = new byte[32];
        var key = HybridKeyCombiner.Combine(qkd, kem, Context, 32);

        HybridKeyContext[] others =
        [
            Context with { KeyId = "6f1f4b3c-0000-4000-8000-000000000002" },
            Context with { MasterSaeId = "SAE_2", SlaveSaeId = "SAE_1" },
            Context with { Ciphertext = [.. Context.Ciphertext[..^1], 0] },
            Context with { EncapsulationKey = [.. Context.EncapsulationKey[..^1], 0] },
        ];

        Assert.All(others, other => Assert.NotEqual(key, HybridKeyCombiner.Combine(qkd, kem, other, 32)));
    }

    [Fact]
    public void Moving_bytes_between_the_two_secrets_changes_the_key()
    {
        // Z = Z_qkd || Z_kem is the same 48 bytes either way; the Z_qkd length in FixedInfo tells them apart.
        var z = Enumerable.Range(0, 48).Select(i => (byte)i).ToArray();

        var split16 = HybridKeyCombiner.Combine(z[..16], z[16..], Context, 32);
        var split32 = HybridKeyCombiner.Combine(z[..32], z[32..], Context, 32);

        Assert.NotEqual(split16, split32);
    }

    [Fact]
    public void Refuses_an_empty_secret()
    {
        Assert.Throws<ArgumentException>(() => HybridKeyCombiner.Combine([], new byte[32], Context, 32));
        Assert.Throws<ArgumentException>(() => HybridKeyCombiner.Combine(new byte[32], [], Context, 32));
    }
}
