using Org.BouncyCastle.Crypto.Parameters;
using Quanet.Security.Pqc;

namespace Quanet.Security.Tests.Pqc;

public sealed class HybridKeyExchangeTests
{
    [Fact]
    public void Both_sides_derive_the_same_64_byte_secret_with_draft_share_sizes()
    {
        var client = HybridKeyExchange.CreateClientShare();

        var server = HybridKeyExchange.RespondToClient(client.Share);
        var clientSecret = HybridKeyExchange.CompleteClient(client, server.Share);

        Assert.Equal(1216, client.Share.Length);
        Assert.Equal(1120, server.Share.Length);
        Assert.Equal(64, clientSecret.Length);
        Assert.Equal(server.SharedSecret, clientSecret);
    }

    [Fact]
    public void Secret_is_the_ML_KEM_secret_followed_by_the_X25519_secret()
    {
        // draft-ietf-tls-ecdhe-mlkem section 3: the ML-KEM share comes first in every field
        var mlKemSeed = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var clientScalar = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var m = Enumerable.Range(200, 32).Select(i => (byte)i).ToArray();
        var serverScalar = Enumerable.Range(50, 32).Select(i => (byte)i).ToArray();

        var client = HybridKeyExchange.CreateClientShare(mlKemSeed, clientScalar);
        var server = HybridKeyExchange.RespondToClient(client.Share, m, serverScalar);

        var kem = MlKem.FromSeed(MlKemParameterSet.MlKem768, mlKemSeed);
        var encapsulation = MlKem.EncapsulateDeterministic(MlKemParameterSet.MlKem768, kem.EncapsulationKey, m);
        var x25519 = new byte[32];
        new X25519PrivateKeyParameters(clientScalar).GenerateSecret(new X25519PublicKeyParameters(server.Share.AsSpan(1088)), x25519);

        Assert.Equal(kem.EncapsulationKey, client.Share[..1184]);
        Assert.Equal(encapsulation.Ciphertext, server.Share[..1088]);
        Assert.Equal(encapsulation.SharedSecret.Concat(x25519).ToArray(), server.SharedSecret);
    }

    [Fact]
    public void Rejects_an_all_zero_X25519_public_key()
    {
        var client = HybridKeyExchange.CreateClientShare();
        var share = (byte[])client.Share.Clone();
        Array.Clear(share, 1184, 32); // the identity point gives an all-zero secret

        var ex = Assert.Throws<PqcKeyException>(() => HybridKeyExchange.RespondToClient(share));
        Assert.Contains("all-zero", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_client_share_of_the_wrong_length()
    {
        var ex = Assert.Throws<PqcKeyException>(() => HybridKeyExchange.RespondToClient(new byte[1184]));
        Assert.Equal("X25519MLKEM768 client share must be 1216 bytes, got 1184", ex.Message);
    }
}
