using System.Buffers;
using System.Text.Unicode;

namespace MobileSource.Infrastructure.Registry.Csv;

/// <summary>
/// Decodes a stream as strict UTF-8 and skips a leading byte order mark. Unlike a StreamReader, it stops
/// exactly at the first invalid byte, so the caller can tell the line, and it never guesses another encoding.
/// </summary>
internal sealed class Utf8TextSource(Stream stream)
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly byte[] _bytes = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _streamEnded;
    private bool _atStart = true;

    /// <summary>Decodes into <paramref name="destination"/> (at least 2 chars); 0 at the end of the stream.</summary>
    /// <exception cref="InvalidUtf8Exception">The next bytes are not UTF-8.</exception>
    public async ValueTask<int> ReadAsync(Memory<char> destination, CancellationToken ct)
    {
        while (true)
        {
            if (_atStart && (_end - _start >= ByteOrderMark.Length || _streamEnded))
            {
                if (_bytes.AsSpan(_start, _end - _start).StartsWith(ByteOrderMark))
                {
                    _start += ByteOrderMark.Length;
                }
                _atStart = false;
            }
            if (!_atStart && _start < _end)
            {
                var status = Utf8.ToUtf16(_bytes.AsSpan(_start, _end - _start), destination.Span,
                    out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _streamEnded);
                _start += read;
                if (written > 0)
                {
                    return written;
                }
                if (status == OperationStatus.InvalidData)
                {
                    throw new InvalidUtf8Exception(_bytes.AsSpan(_start, Math.Min(2, _end - _start)).ToArray());
                }
            }
            if (_streamEnded)
            {
                return 0;
            }
            await FillAsync(ct);
        }
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
            _end -= _start;
            _start = 0;
        }
        var n = await stream.ReadAsync(_bytes.AsMemory(_end), ct);
        if (n == 0)
        {
            _streamEnded = true;
        }
        _end += n;
    }
}

/// <summary>The stream is not UTF-8; <see cref="Bytes"/> are the first offending bytes.</summary>
internal sealed class InvalidUtf8Exception(byte[] bytes) : Exception("invalid UTF-8")
{
    public byte[] Bytes { get; } = bytes;

    /// <summary>A GBK / GB18030 double-byte character: lead byte 0x81-0xFE, trail byte 0x40-0xFE except 0x7F.</summary>
    public bool LooksLikeGbk => Bytes is [>= 0x81 and <= 0xFE, >= 0x40 and <= 0xFE and not 0x7F];
}
