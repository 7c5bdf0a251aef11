using System.Security.Cryptography;
using System.Text.Json;
using Quanet.Core;
using Quanet.Kme.Consumers;
using Quanet.Kme.Protocol;
using Quanet.Security.Pqc;

namespace Quanet.Kme.Tests.Consumers;

public sealed class PreSharedKeysTests
{
    private static readonly MlKemKeyPair Slave = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem768);

    [Fact]
    public void Plain_key_is_the_QKD_key_itself_at_both_ends()
    {
        var entry = Entry(32);

        var master = PreSharedKeys.FromEncKey(entry, "SAE_1", "SAE_2", null);
        var slave = PreSharedKeys.FromDecKey(entry, "SAE_1", "SAE_2", null, null);

        Assert.Equal(Convert.FromBase64String(entry.Key), master.Key);
        Assert.Equal(master.Key, slave.Key);
        Assert.Equal("qkd", master.Parts);
        Assert.Null(master.KemCiphertext);
    }

    [Fact]
    public void Both_ends_derive_the_same_hybrid_key_and_it_differs_from_the_QKD_key()
    {
        var entry = Entry(32);

        var master = PreSharedKeys.FromEncKey(entry, "SAE_1", "SAE_2", Slave.EncapsulationKey);
        var slave = PreSharedKeys.FromDecKey(entry, "SAE_1", "SAE_2", Slave.DecapsulationKey, master.KemCiphertext);

        Assert.Equal(master.Key, slave.Key);
        Assert.Equal(32, master.Key.Length);
        Assert.NotEqual(Convert.FromBase64String(entry.Key), master.Key);
        Assert.Equal(1088, master.KemCiphertext!.Length);
        Assert.Equal("qkd+ml-kem-768", slave.Parts);
    }

    [Fact]
    public void Every_hybrid_key_uses_a_fresh_ML_KEM_secret_even_for_the_same_QKD_key()
    {
        var entry = Entry(32);

        var first = PreSharedKeys.FromEncKey(entry, "SAE_1", "SAE_2", Slave.EncapsulationKey);
        var second = PreSharedKeys.FromEncKey(entry, "SAE_1", "SAE_2", Slave.EncapsulationKey);

        Assert.NotEqual(first.Key, second.Key);
        Assert.NotEqual(first.KemCiphertext, second.KemCiphertext);
    }

    [Fact]
    public void Another_ciphertext_another_private_key_or_another_QKD_key_give_another_key()
    {
        var entry = Entry(32);
        var master = PreSharedKeys.FromEncKey(entry, "SAE_1", "SAE_2", Slave.EncapsulationKey);
        var tampered = (byte[])master.KemCiphertext!.Clone();
        tampered[17] ^= 1;
        var stranger = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem768);
        var otherQkd = new KeyEntry { KeyId = entry.KeyId, Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

        Assert.NotEqual(master.Key, PreSharedKeys.FromDecKey(entry, "SAE_1", "SAE_2", Slave.DecapsulationKey, tampered).Key);
        Assert.NotEqual(master.Key, PreSharedKeys.FromDecKey(entry, "SAE_1", "SAE_2", stranger.DecapsulationKey, master.KemCiphertext).Key);
        Assert.NotEqual(master.Key, PreSharedKeys.FromDecKey(otherQkd, "SAE_1", "SAE_2", Slave.DecapsulationKey, master.KemCiphertext).Key);
        Assert.NotEqual(master.Key, PreSharedKeys.FromDecKey(entry, "SAE_3", "SAE_2", Slave.DecapsulationKey, master.KemCiphertext).Key);
    }

    [Fact]
    public void Record_names_the_parts_and_combiner_and_holds_no_material()
    {
        var entry = Entry(32);
        var hybrid = PreSharedKeys.FromEncKey(entry, "SAE_1", "SAE_2", Slave.EncapsulationKey);
        var plain = PreSharedKeys.FromEncKey(entry, "SAE_1", "SAE_2", null);

        var json = JsonSerializer.Serialize(hybrid.Record());

        Assert.Equal(new PreSharedKeyRecord(entry.KeyId, "qkd+ml-kem-768", "SP800-56Cr2-two-step-HMAC-SHA256(Z_qkd||Z_mlkem768)", 256), hybrid.Record());
        Assert.Equal(new PreSharedKeyRecord(entry.KeyId, "qkd", null, 256), plain.Record());
        Assert.DoesNotContain(Convert.ToHexString(hybrid.Key), json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(hybrid.Key), json, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.Key, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Hybrid_requests_with_bad_inputs_fail_with_one_clear_message()
    {
        var entry = Entry(32);

        var badPublic = Assert.Throws<QuanetException>(() => PreSharedKeys.FromEncKey(entry, "SAE_1", "SAE_2", new byte[100]));
        var noCiphertext = Assert.Throws<QuanetException>(() => PreSharedKeys.FromDecKey(entry, "SAE_1", "SAE_2", Slave.DecapsulationKey, null));
        var shortCiphertext = Assert.Throws<QuanetException>(() => PreSharedKeys.FromDecKey(entry, "SAE_1", "SAE_2", Slave.DecapsulationKey, new byte[10]));
        var shortKey = Assert.Throws<QuanetException>(() => PreSharedKeys.FromEncKey(Entry(8), "SAE_1", "SAE_2", Slave.EncapsulationKey));

        Assert.StartsWith("the peer's ML-KEM-768 public key is not usable", badPublic.Message, StringComparison.Ordinal);
        Assert.Contains("needs the ML-KEM-768 ciphertext", noCiphertext.Message, StringComparison.Ordinal);
        Assert.StartsWith("ML-KEM-768 decapsulation failed", shortCiphertext.Message, StringComparison.Ordinal);
        Assert.Contains("at least 128 bits, got 64", shortKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_prints_OpenSSL_arguments_hex_and_WireGuard_base64()
    {
        var psk = new PreSharedKey("92f57faa-c6ea-4fd5-a5db-ac2d69dd311b", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), "qkd", null);
        var hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

        Assert.Equal($"-psk {hex} -psk_identity 92f57faa-c6ea-4fd5-a5db-ac2d69dd311b", PskWriter.Line(psk, PskFormat.OpenSsl));
        Assert.Equal($"92f57faa-c6ea-4fd5-a5db-ac2d69dd311b {hex}", PskWriter.Line(psk, PskFormat.Hex));
        Assert.Equal("92f57faa-c6ea-4fd5-a5db-ac2d69dd311b AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", PskWriter.Line(psk, PskFormat.WireGuard));
        Assert.Equal(hex + "\n", PskWriter.KeyFile(psk, PskFormat.OpenSsl));
        Assert.Equal("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n", PskWriter.KeyFile(psk, PskFormat.WireGuard));
    }

    [Fact]
    public void Writer_refuses_a_WireGuard_key_that_is_not_256_bits()
    {
        var psk = new PreSharedKey("92f57faa-c6ea-4fd5-a5db-ac2d69dd311b", new byte[16], "qkd", null);

        var error = Assert.Throws<QuanetException>(() => PskWriter.KeyFile(psk, PskFormat.WireGuard));

        Assert.Equal("key 92f57faa-c6ea-4fd5-a5db-ac2d69dd311b: WireGuard needs a 256-bit preshared key, got 128 bits", error.Message);
    }

    [Fact]
    public void Key_files_of_the_wrong_kind_or_size_are_refused_with_the_file_name()
    {
        var folder = Directory.CreateTempSubdirectory("quanet-psk-files-").FullName;
        try
        {
            var publicFile = Path.Combine(folder, "slave.pub");
            PqcKeyFile.Write(publicFile, new PqcKey(PqcKeyKind.MlKemPublic, "ML-KEM-768", Slave.EncapsulationKey), PqcKeyFormat.Pem);
            var shortCiphertext = Path.Combine(folder, "short.ct");
            File.WriteAllBytes(shortCiphertext, new byte[100]);

            var wrongKind = Assert.Throws<QuanetException>(() => HybridKeyFiles.ReadKemKey(publicFile, privateKey: true));
            var wrongSize = Assert.Throws<QuanetException>(() => HybridKeyFiles.ReadCiphertext(shortCiphertext));
            var unwritable = Assert.Throws<QuanetException>(() => HybridKeyFiles.WriteCiphertext(Path.Combine(folder, "missing", "x.ct"), new byte[1088]));

            Assert.Equal(Slave.EncapsulationKey, HybridKeyFiles.ReadKemKey(publicFile, privateKey: false));
            Assert.Equal($"{publicFile}: expected an ML-KEM-768 private key, found a ML-KEM-768 public key", wrongKind.Message);
            Assert.Equal($"{shortCiphertext}: an ML-KEM-768 ciphertext is 1088 bytes, found 100", wrongSize.Message);
            Assert.Contains("cannot write the ML-KEM-768 ciphertext", unwritable.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static KeyEntry Entry(int bytes) => new() { KeyId = Guid.NewGuid().ToString("D"), Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)) };
}
