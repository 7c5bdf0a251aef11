namespace Quanet.Kme.Supply;

/// <summary>
/// What a hybrid key is bound to besides its two secrets: the QKD key's ID, the master and slave SAEs, and the
/// ML-KEM-768 encapsulation key and ciphertext of the exchange (the transcript, TS 103 744's context).
/// </summary>
/// <param name="KeyId">The ETSI GS QKD 014 key_ID of the QKD key.</param>
/// <param name="MasterSaeId">The SAE that called enc_keys (and encapsulated).</param>
/// <param name="SlaveSaeId">The SAE that called dec_keys (and decapsulates).</param>
/// <param name="EncapsulationKey">The slave SAE's ML-KEM-768 encapsulation key (1184 bytes).</param>
/// <param name="Ciphertext">The ML-KEM-768 ciphertext (1088 bytes).</param>
internal sealed record HybridKeyContext(string KeyId, string MasterSaeId, string SlaveSaeId, byte[] EncapsulationKey, byte[] Ciphertext);
