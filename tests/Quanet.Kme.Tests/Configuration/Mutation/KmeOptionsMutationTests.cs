using CsCheck;
using Quanet.Kme.Configuration;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Kme.Tests.Configuration.Mutation;

/// <summary>
/// Hostile mutants of KME settings files (the example of docs/kme.md and a minimal one) through
/// <see cref="KmeOptionsLoader.Load"/>: each either loads or refuses with one printable line, within bounded memory
/// and time (issue #16).
/// </summary>
public sealed class KmeOptionsMutationTests : IDisposable
{
    private const int Iterations = 200;

    // docs/kme.md's settings file
    private const string Documented = """
        { "Kme": {
            "KmeId": "KME_A", "Listen": "127.0.0.1:8443",
            "CaCertificate": "certs/ca.crt", "Certificate": "certs/KME_A.crt", "PrivateKey": "certs/KME_A.key",
            "Saes": [ { "Id": "SAE_A", "Kme": "KME_A" }, { "Id": "SAE_B", "Kme": "KME_B" } ],
            "PeerKmeId": "KME_B", "PeerUrl": "https://127.0.0.1:8444",
            "Store": { "Kind": "sqlite" }, "StorePath": "kme-a.db", "StoreKeyFile": "kme-a.storekey", "Durability": "full",
            "KeyExpirySeconds": 86400,
            "DefaultKeySize": 256, "MinKeySize": 64, "MaxKeySize": 4096, "MaxKeyPerRequest": 128, "MaxKeyCount": 100000, "MaxSaeIdCount": 8,
            "Supply": { "Mode": "qkd", "LinkLengthKm": 25 }
        } }
        """;

    private readonly MutantFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Settings_loader_survives_mutants() =>
        InputMutations.Of(Documented, "{\"Kme\":{\"KmeId\":\"kme-a\",\"Saes\":[{\"Id\":\"sae-1\"}]}}")
            .Sample(input => HostileInput.Check(input, b => KmeOptionsLoader.Load(_files.Write(b, "kme.json"))), iter: Iterations, threads: 1);
}
