using System.Text;
using Quanet.Core;
using Quanet.Security.Pqc;

namespace Quanet.Security.Tests.Pqc;

public sealed class PqcKeyFileTests
{
    public static TheoryData<PqcKeyFormat> Formats => [PqcKeyFormat.Pem, PqcKeyFormat.Der, PqcKeyFormat.Raw];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_key_kind_round_trips(PqcKeyFormat format)
    {
        var kem = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem768);
        var dsa = MlDsa.GenerateKeyPair(MlDsaParameterSet.MlDsa44);
        PqcKey[] keys =
        [
            new(PqcKeyKind.MlKemPublic, "ML-KEM-768", kem.EncapsulationKey),
            new(PqcKeyKind.MlKemPrivate, "ML-KEM-768", kem.DecapsulationKey),
            new(PqcKeyKind.MlDsaPublic, "ML-DSA-44", dsa.PublicKey),
            new(PqcKeyKind.MlDsaPrivate, "ML-DSA-44", dsa.SecretKey),
        ];

        foreach (var key in keys)
        {
            var decoded = PqcKeyFile.Decode(PqcKeyFile.Encode(key, format), "key");

            Assert.Equal(key.Kind, decoded.Kind);
            Assert.Equal(key.ParameterSet, decoded.ParameterSet);
            Assert.Equal(key.Raw, decoded.Raw);
        }
    }

    [Fact]
    public void A_raw_key_starting_with_a_dash_is_not_taken_for_pem()
    {
        // ML-DSA's public key starts with the 32-byte seed rho, any bytes: one key in 256 starts with '-'.
        var raw = MlDsa.GenerateKeyPair(MlDsaParameterSet.MlDsa44).PublicKey;
        raw[0] = (byte)'-';

        var decoded = PqcKeyFile.Decode(raw, "key");

        Assert.Equal(PqcKeyKind.MlDsaPublic, decoded.Kind);
        Assert.Equal(raw, decoded.Raw);
    }

    [Fact]
    public void Pem_uses_the_standard_labels()
    {
        var kem = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem512);

        var pem = Encoding.ASCII.GetString(PqcKeyFile.Encode(new PqcKey(PqcKeyKind.MlKemPublic, "ML-KEM-512", kem.EncapsulationKey), PqcKeyFormat.Pem));

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", pem, StringComparison.Ordinal);
        Assert.EndsWith("-----END PUBLIC KEY-----\n", pem, StringComparison.Ordinal);
    }

    [Fact]
    public void Decodes_the_Wycheproof_seed_only_PKCS8_keys()
    {
        // Wycheproof dkPkcs8 / privateKeyPkcs8 carry only the seed (draft-ietf-lamps-kyber/dilithium-certificates)
        var kem = KnownAnswerVector.Load("ml-kem-768-keygen-seed.json");
        var dsa = KnownAnswerVector.Load("ml-dsa-65-sign-seed.json");

        var kemKey = PqcKeyFile.Decode(kem.Bytes("dkPkcs8"), "dk.der");
        var dsaKey = PqcKeyFile.Decode(dsa.Bytes("privateKeyPkcs8"), "sk.der");

        Assert.Equal(PqcKeyKind.MlKemPrivate, kemKey.Kind);
        Assert.Equal(kem["dk"], Convert.ToHexStringLower(kemKey.Raw));
        Assert.Equal(PqcKeyKind.MlDsaPrivate, dsaKey.Kind);
        Assert.Equal(dsa["publicKey"], Convert.ToHexStringLower(MlDsa.PublicKeyOf(MlDsaParameterSet.MlDsa65, dsaKey.Raw)));
    }

    [Fact]
    public void A_corrupt_PEM_body_is_a_format_error_naming_the_file()
    {
        var pem = Encoding.ASCII.GetBytes("-----BEGIN PRIVATE KEY-----\nnot*base64\n-----END PRIVATE KEY-----\n");

        var ex = Assert.Throws<InputFormatException>(() => PqcKeyFile.Decode(pem, "alice.key"));

        Assert.Equal("alice.key:2: PEM body is not valid base64", ex.Message);
    }

    [Fact]
    public void A_file_of_unknown_length_is_rejected()
    {
        var ex = Assert.Throws<InputFormatException>(() => PqcKeyFile.Decode(new byte[1000], "x.bin"));
        Assert.Equal("x.bin: 1000 bytes is neither PEM, DER nor a raw ML-KEM / ML-DSA key length", ex.Message);
    }

    [Fact]
    public void A_raw_decapsulation_key_with_a_flipped_bit_is_rejected()
    {
        var kem = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem768);
        kem.DecapsulationKey[1200] ^= 1;

        var ex = Assert.Throws<InputFormatException>(() => PqcKeyFile.Decode(kem.DecapsulationKey, "bob.key"));

        Assert.Contains("corrupt", ex.Message, StringComparison.Ordinal);
    }
}
