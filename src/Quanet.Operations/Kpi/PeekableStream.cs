namespace Quanet.Operations.Kpi;

/// <summary>A read-only stream whose first bytes can be looked at before they are read (a pipe cannot seek back).</summary>
internal sealed class PeekableStream(Stream inner) : Stream
{
    private readonly byte[] _head = new byte[4096];
    private int _headLength = -1;
    private int _headRead;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Up to 4 KiB from the start of the stream, without consuming them.</summary>
    public ReadOnlySpan<byte> Peek()
    {
        if (_headLength < 0)
        {
            _headLength = 0;
            int n;
            while (_headLength < _head.Length && (n = inner.Read(_head, _headLength, _head.Length - _headLength)) > 0)
            {
                _headLength += n;
            }
        }

        return _head.AsSpan(_headRead, _headLength - _headRead);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headLength > _headRead)
        {
            var n = Math.Min(buffer.Length, _headLength - _headRead);
            _head.AsSpan(_headRead, n).CopyTo(buffer);
            _headRead += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
