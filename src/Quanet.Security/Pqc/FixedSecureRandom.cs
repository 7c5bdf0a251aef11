using Org.BouncyCastle.Security;

namespace Quanet.Security.Pqc;

/// <summary>
/// A "random" source that hands out exactly the bytes it was given, once. It lets the
/// deterministic FIPS 203/204 internal functions be driven with known randomness for
/// known-answer and interoperability tests; asking for more bytes than given is a bug.
/// </summary>
internal sealed class FixedSecureRandom : SecureRandom
{
    private readonly byte[] _bytes;
    private int _position;

    public FixedSecureRandom(ReadOnlySpan<byte> bytes)
        : base(new Org.BouncyCastle.Crypto.Prng.VmpcRandomGenerator(), 0)
    {
        _bytes = bytes.ToArray();
    }

    public override void NextBytes(byte[] buf) => NextBytes(buf.AsSpan());

    public override void NextBytes(byte[] buf, int off, int len) => NextBytes(buf.AsSpan(off, len));

    public override void NextBytes(Span<byte> buffer)
    {
        if (_position + buffer.Length > _bytes.Length)
        {
            throw new InvalidOperationException("fixed randomness exhausted");
        }

        _bytes.AsSpan(_position, buffer.Length).CopyTo(buffer);
        _position += buffer.Length;
    }
}
