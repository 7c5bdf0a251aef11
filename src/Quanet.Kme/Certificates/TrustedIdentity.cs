namespace Quanet.Kme.Certificates;

/// <summary>A validated caller: its ID (the subject CN) and when its certificate chain is valid.</summary>
/// <param name="Id">The SAE or KME ID.</param>
/// <param name="NotBefore">The latest notBefore of the chain's certificates.</param>
/// <param name="NotAfter">The earliest notAfter of the chain's certificates.</param>
/// <param name="Serial">The certificate's serial number, for the revocation list (<see cref="RevocationList.SerialOf"/>).</param>
internal sealed record TrustedIdentity(string Id, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string Serial);
