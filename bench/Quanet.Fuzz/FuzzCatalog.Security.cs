using Quanet.Kme.Configuration;
using Quanet.Security.Pqc;

namespace Quanet.Fuzz;

internal static partial class FuzzCatalog
{
    private static IEnumerable<FuzzTarget> Security()
    {
        yield return new("pqc-key", "PQC key file, PEM, DER or raw (PqcKeyFile.Decode)", b => PqcKeyFile.Decode(b, "in.key"),
            ["generated/pqc"], ".pub", () => []);
        yield return new("kme-config", "KME settings JSON (KmeOptionsLoader)", b => KmeOptionsLoader.Load(ScratchFile.Write(b, "kme.json")),
            [], ".json", () => ["{\"Kme\":{\"KmeId\":\"kme-a\",\"Saes\":[{\"SaeId\":\"sae-1\"}]}}"]);
    }
}
