using System.Text;
using Quanet.Security.Pqc;
using static Quanet.Security.Tests.Pqc.NoblePeer;

namespace Quanet.Security.Tests.Pqc;

/// <summary>
/// Interoperability with the independent JavaScript implementation @noble/post-quantum 0.7.1:
/// keys, ciphertexts and signatures made on one side are accepted by the other, both directions.
/// </summary>
public sealed class NobleInteropTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("X2 handover key for cell 4711");
    private static readonly byte[] Context = Encoding.UTF8.GetBytes("quanet-interop");

    [Theory]
    [InlineData(MlKemParameterSet.MlKem512)]
    [InlineData(MlKemParameterSet.MlKem768)]
    [InlineData(MlKemParameterSet.MlKem1024)]
    public void ML_KEM_keys_and_ciphertexts_are_accepted_both_ways(MlKemParameterSet set)
    {
        var name = MlKem.Name(set);
        var ours = MlKem.GenerateKeyPair(set);
        var ourEncapsulation = MlKem.Encapsulate(set, ours.EncapsulationKey);
        var seed = Enumerable.Range(0, 64).Select(i => (byte)(3 * i)).ToArray();
        var m = Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray();

        var noble = Run(
            Request("kem-decaps", ("set", name), ("dk", ours.DecapsulationKey), ("ct", ourEncapsulation.Ciphertext)),
            Request("kem-encaps", ("set", name), ("ek", ours.EncapsulationKey)),
            Request("kem-keygen", ("set", name)),
            Request("kem-keygen", ("set", name), ("seed", seed)),
            Request("kem-encaps", ("set", name), ("ek", MlKem.FromSeed(set, seed).EncapsulationKey), ("m", m)));

        // noble decapsulates our ciphertext with our key
        Assert.Equal(ourEncapsulation.SharedSecret, noble[0].Bytes("ss"));

        // we decapsulate noble's ciphertext made for our key
        Assert.Equal(noble[1].Bytes("ss"), MlKem.Decapsulate(set, ours.DecapsulationKey, noble[1].Bytes("ct")));

        // noble's key pair works with our encapsulation and decapsulation
        var theirs = noble[2];
        var toThem = MlKem.Encapsulate(set, theirs.Bytes("ek"));
        var back = Run(Request("kem-decaps", ("set", name), ("dk", theirs.Bytes("dk")), ("ct", toThem.Ciphertext)));
        Assert.Equal(toThem.SharedSecret, back[0].Bytes("ss"));
        Assert.Equal(theirs.Bytes("ek"), MlKem.EncapsulationKeyOf(set, theirs.Bytes("dk")));

        // the deterministic internal functions agree byte for byte
        var derived = MlKem.FromSeed(set, seed);
        Assert.Equal(derived.EncapsulationKey, noble[3].Bytes("ek"));
        Assert.Equal(derived.DecapsulationKey, noble[3].Bytes("dk"));
        var deterministic = MlKem.EncapsulateDeterministic(set, derived.EncapsulationKey, m);
        Assert.Equal(deterministic.Ciphertext, noble[4].Bytes("ct"));
        Assert.Equal(deterministic.SharedSecret, noble[4].Bytes("ss"));
    }

    [Theory]
    [InlineData(MlDsaParameterSet.MlDsa44)]
    [InlineData(MlDsaParameterSet.MlDsa65)]
    [InlineData(MlDsaParameterSet.MlDsa87)]
    public void ML_DSA_keys_and_signatures_are_accepted_both_ways(MlDsaParameterSet set)
    {
        var name = MlDsa.Name(set);
        var ours = MlDsa.GenerateKeyPair(set);
        var ourSignature = MlDsa.Sign(set, ours.SecretKey, Message, Context);
        var tampered = (byte[])ourSignature.Clone();
        tampered[5] ^= 0x10;
        var seed = Enumerable.Range(0, 32).Select(i => (byte)(7 * i)).ToArray();

        var noble = Run(
            Request("dsa-verify", ("set", name), ("pk", ours.PublicKey), ("msg", Message), ("ctx", Context), ("sig", ourSignature)),
            Request("dsa-verify", ("set", name), ("pk", ours.PublicKey), ("msg", Message), ("ctx", Context), ("sig", tampered)),
            Request("dsa-sign", ("set", name), ("sk", ours.SecretKey), ("msg", Message), ("ctx", Context)),
            Request("dsa-keygen", ("set", name)),
            Request("dsa-keygen", ("set", name), ("seed", seed)));

        // noble accepts our signature and rejects a tampered one
        Assert.True(noble[0].Flag("ok"));
        Assert.False(noble[1].Flag("ok"));

        // we accept noble's signature made with our secret key
        Assert.True(MlDsa.Verify(set, ours.PublicKey, Message, noble[2].Bytes("sig"), Context));

        // noble's key pair: we sign with its secret key, noble verifies; noble signs, we verify
        var theirs = noble[3];
        var withTheirKey = MlDsa.Sign(set, theirs.Bytes("sk"), Message, Context);
        var derived = MlDsa.FromSeed(set, seed);
        var back = Run(
            Request("dsa-verify", ("set", name), ("pk", theirs.Bytes("pk")), ("msg", Message), ("ctx", Context), ("sig", withTheirKey)),
            Request("dsa-sign", ("set", name), ("sk", theirs.Bytes("sk")), ("msg", Message), ("ctx", Context)),
            Request("dsa-sign", ("set", name), ("sk", derived.SecretKey), ("msg", Message), ("ctx", Context), ("deterministic", true)));
        Assert.True(back[0].Flag("ok"));
        Assert.True(MlDsa.Verify(set, theirs.Bytes("pk"), Message, back[1].Bytes("sig"), Context));
        Assert.Equal(theirs.Bytes("pk"), MlDsa.PublicKeyOf(set, theirs.Bytes("sk")));

        // key generation from the same seed and deterministic signing agree byte for byte
        Assert.Equal(derived.PublicKey, noble[4].Bytes("pk"));
        Assert.Equal(derived.SecretKey, noble[4].Bytes("sk"));
        Assert.Equal(MlDsa.SignDeterministic(set, derived.SecretKey, Message, Context), back[2].Bytes("sig"));
    }

    [Fact]
    public void X25519MLKEM768_agrees_with_noble_as_client_and_as_server()
    {
        // noble is the client, we are the server
        var nobleClient = Run(Request("hybrid-client"))[0];
        var ourServer = HybridKeyExchange.RespondToClient(nobleClient.Bytes("share"));
        var nobleSecret = Run(Request("hybrid-complete", ("dk", nobleClient.Bytes("dk")), ("x25519", nobleClient.Bytes("x25519")), ("serverShare", ourServer.Share)))[0];
        Assert.Equal(ourServer.SharedSecret, nobleSecret.Bytes("secret"));

        // we are the client, noble is the server
        var ourClient = HybridKeyExchange.CreateClientShare();
        var nobleServer = Run(Request("hybrid-server", ("clientShare", ourClient.Share)))[0];
        var ourSecret = HybridKeyExchange.CompleteClient(ourClient, nobleServer.Bytes("share"));
        Assert.Equal(nobleServer.Bytes("secret"), ourSecret);
        Assert.Equal(64, ourSecret.Length);
    }
}
