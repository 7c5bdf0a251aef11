namespace Quanet.Kme.Certificates;

/// <summary>A validated caller: its ID (the subject CN) and when its certificate chain is valid.</summary>
/// <param name="Id">The SAE or KME ID.</param>
/// <param name="NotBefore">The latest notBefore of the chain's certificates.</param>
/// <param name="NotAfter">The earliest notAfter of the chain's certificates.</param>
internal sealed record TrustedIdentity(string Id, DateTimeOffset NotBefore, DateTimeOffset NotAfter);
