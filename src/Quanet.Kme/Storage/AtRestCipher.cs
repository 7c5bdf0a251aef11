using System.Security.Cryptography;
using System.Text;

namespace Quanet.Kme.Storage;

/// <summary>
/// AES-256-GCM for key material at rest. Each record is <c>nonce(12) | tag(16) | ciphertext</c>, with a fresh
/// random nonce and the record's identity as associated data, so a record moved to another row fails to open.
/// Not thread-safe: the store uses it from its single writer thread only.
/// </summary>
internal sealed class AtRestCipher : IDisposable
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly AesGcm _aes;

    public AtRestCipher(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("the store key must be 32 bytes (AES-256)", nameof(key));
        }

        _aes = new AesGcm(key, TagBytes);
    }

    public byte[] Seal(ReadOnlySpan<byte> plaintext, string associated)
    {
        var record = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = record.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, plaintext, record.AsSpan(NonceBytes + TagBytes), record.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(associated));
        return record;
    }

    /// <exception cref="CryptographicException">The record was altered, moved, or sealed under another key.</exception>
    public byte[] Open(ReadOnlySpan<byte> record, string associated)
    {
        if (record.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("stored record too short");
        }

        var plaintext = new byte[record.Length - NonceBytes - TagBytes];
        _aes.Decrypt(record[..NonceBytes], record[(NonceBytes + TagBytes)..], record.Slice(NonceBytes, TagBytes), plaintext, Encoding.UTF8.GetBytes(associated));
        return plaintext;
    }

    public void Dispose() => _aes.Dispose();
}
