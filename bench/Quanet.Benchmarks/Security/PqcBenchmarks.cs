using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Quanet.Security.Pqc;

namespace Quanet.Benchmarks.Security;

/// <summary>ML-KEM-768, ML-DSA-65 and the X25519MLKEM768 hybrid, with classical X25519 as the baseline.</summary>
[MemoryDiagnoser]
public class PqcBenchmarks
{
    private static readonly byte[] Message = new byte[256];
    private MlKemKeyPair _kem = null!;
    private MlKemEncapsulation _encapsulation = null!;
    private MlDsaKeyPair _dsa = null!;
    private byte[] _signature = [];
    private X25519PrivateKeyParameters _x25519 = null!;
    private X25519PublicKeyParameters _peer = null!;
    private HybridClientKeyShare _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _kem = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem768);
        _encapsulation = MlKem.Encapsulate(MlKemParameterSet.MlKem768, _kem.EncapsulationKey);
        _dsa = MlDsa.GenerateKeyPair(MlDsaParameterSet.MlDsa65);
        _signature = MlDsa.Sign(MlDsaParameterSet.MlDsa65, _dsa.SecretKey, Message);
        var random = new SecureRandom();
        _x25519 = new X25519PrivateKeyParameters(random);
        _peer = new X25519PrivateKeyParameters(random).GeneratePublicKey();
        _client = HybridKeyExchange.CreateClientShare();
    }

    [Benchmark(Baseline = true)]
    public byte[] X25519Agreement()
    {
        var secret = new byte[32];
        _x25519.GenerateSecret(_peer, secret);
        return secret;
    }

    [Benchmark]
    public MlKemKeyPair MlKem768KeyGen() => MlKem.GenerateKeyPair(MlKemParameterSet.MlKem768);

    [Benchmark]
    public MlKemEncapsulation MlKem768Encaps() => MlKem.Encapsulate(MlKemParameterSet.MlKem768, _kem.EncapsulationKey);

    [Benchmark]
    public byte[] MlKem768Decaps() => MlKem.Decapsulate(MlKemParameterSet.MlKem768, _kem.DecapsulationKey, _encapsulation.Ciphertext);

    [Benchmark]
    public byte[] MlDsa65Sign() => MlDsa.Sign(MlDsaParameterSet.MlDsa65, _dsa.SecretKey, Message);

    [Benchmark]
    public bool MlDsa65Verify() => MlDsa.Verify(MlDsaParameterSet.MlDsa65, _dsa.PublicKey, Message, _signature);

    [Benchmark]
    public HybridServerResponse HybridServerSide() => HybridKeyExchange.RespondToClient(_client.Share);
}
