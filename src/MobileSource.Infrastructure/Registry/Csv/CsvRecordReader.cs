using System.Buffers;
using MobileSource.Domain.Text;

namespace MobileSource.Infrastructure.Registry.Csv;

/// <summary>
/// Streaming RFC 4180 reader: comma separated, fields optionally in double quotes ("" is a quote inside them),
/// quoted fields may hold commas and line breaks; records end with CRLF, LF or CR. Strict UTF-8 (a BOM is skipped).
/// Tolerant where RFC 4180 is strict but the intent is clear (a quote inside an unquoted field is kept as text);
/// <see cref="Malformed"/> says why a record cannot be trusted. Fields of the current record are valid until the next read.
/// </summary>
internal sealed class CsvRecordReader(Stream stream)
{
    /// <summary>A record longer than this is almost surely a quote that is never closed; stop instead of buffering the file.</summary>
    public const int MaxRecordChars = 1 << 20;

    private const char Quote = '"';
    private static readonly SearchValues<char> FieldEnds = SearchValues.Create(",\r\n");

    private readonly Utf8TextSource _source = new(stream);
    private char[] _buffer = new char[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private int _nextLine = 1;

    private char[] _text = new char[1024];
    private int _textLength;
    private int[] _fieldEnds = new int[32];

    /// <summary>The 1-based physical line the current record starts on.</summary>
    public int Line { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>Why the current record breaks the CSV rules, or null.</summary>
    public string? Malformed { get; private set; }

    public ReadOnlySpan<char> Field(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)FieldCount, nameof(index));
        var from = index == 0 ? 0 : _fieldEnds[index - 1];
        return _text.AsSpan(from, _fieldEnds[index] - from);
    }

    /// <summary>True if every field is empty or white space (a blank line, or a row of bare commas).</summary>
    public bool IsBlank => new ReadOnlySpan<char>(_text, 0, _textLength).IsWhiteSpace();

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    /// <exception cref="RegistryFileException">The file is not UTF-8, or a record never ends.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            if (_eof && _start == _end)
            {
                return false;
            }
            if (TryParseRecord(final: _eof))
            {
                return true;
            }
            await FillAsync(ct);
        }
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        MakeRoom();
        try
        {
            var n = await _source.ReadAsync(_buffer.AsMemory(_end), ct);
            _eof = n == 0;
            _end += n;
        }
        catch (InvalidUtf8Exception e)
        {
            var line = _nextLine + _buffer.AsSpan(_start, _end - _start).Count('\n');
            var hint = e.LooksLikeGbk
                ? Bilingual.Text(" It looks like GBK/GB18030, which Excel writes for \"CSV\" on Chinese Windows: choose \"CSV UTF-8\".",
                    "看起来是 GBK/GB18030 编码（中文 Windows 上 Excel 另存为“CSV”即是）：请选择“CSV UTF-8”。")
                : "";
            throw new RegistryFileException(RegistryFileError.WholeFile, Bilingual.Text(
                $"file is not UTF-8 (save it as UTF-8): line {line} has bytes {Convert.ToHexString(e.Bytes)} that are not UTF-8.{hint}",
                $"文件不是 UTF-8 编码（请另存为 UTF-8）：第 {line} 行的字节 {Convert.ToHexString(e.Bytes)} 不是 UTF-8。{hint}"));
        }
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_buffer.Length - _end < 2)
        {
            if (_buffer.Length >= MaxRecordChars)
            {
                throw new RegistryFileException(RegistryFileError.WholeFile,
                    Bilingual.Text($"line {_nextLine}: a row is longer than {MaxRecordChars} characters; is a quote (\") never closed?",
                        $"第 {_nextLine} 行超过 {MaxRecordChars} 个字符：是否有引号（\"）没有闭合？"));
            }
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    /// <summary>
    /// Parses one record from the buffered text. Returns false when the buffer ends before the record does
    /// (and the file has more): the caller reads more and the record is parsed again from its start.
    /// </summary>
    private bool TryParseRecord(bool final)
    {
        ReadOnlySpan<char> data = _buffer.AsSpan(_start, _end - _start);
        var pos = 0;
        var lines = 0;
        _textLength = 0;
        FieldCount = 0;
        Malformed = null;

        while (true)
        {
            if (pos < data.Length && data[pos] == Quote)
            {
                pos++;
                while (true)
                {
                    var quote = data[pos..].IndexOf(Quote);
                    if (quote < 0)
                    {
                        if (!final)
                        {
                            return false;
                        }
                        lines += LineBreaks(data[pos..]);
                        Append(data[pos..]);
                        pos = data.Length;
                        Malformed ??= $"a quoted field (field {FieldCount + 1}) is never closed";
                        break;
                    }
                    lines += LineBreaks(data.Slice(pos, quote));
                    Append(data.Slice(pos, quote));
                    pos += quote + 1;
                    if (pos == data.Length && !final)
                    {
                        return false; // a doubled quote may continue in the next block
                    }
                    if (pos < data.Length && data[pos] == Quote)
                    {
                        Append(data.Slice(pos, 1));
                        pos++;
                        continue;
                    }
                    break;
                }
                if (pos < data.Length && !FieldEnds.Contains(data[pos]))
                {
                    Malformed ??= $"field {FieldCount + 1} has text after its closing quote";
                }
            }

            var end = data[pos..].IndexOfAny(FieldEnds);
            if (end < 0)
            {
                if (!final)
                {
                    return false;
                }
                Append(data[pos..]);
                EndField();
                pos = data.Length;
                break;
            }
            Append(data.Slice(pos, end));
            EndField();
            pos += end;
            var separator = data[pos++];
            if (separator == ',')
            {
                continue;
            }
            if (separator == '\r')
            {
                if (pos == data.Length && !final)
                {
                    return false; // CR LF may be split between blocks
                }
                if (pos < data.Length && data[pos] == '\n')
                {
                    pos++;
                }
            }
            lines++;
            break;
        }

        _start += pos;
        Line = _nextLine;
        _nextLine += lines;
        return true;
    }

    /// <summary>CRLF, LF and a lone CR each end a line.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        var count = text.Count('\n');
        var cr = text.IndexOf('\r');
        while (cr >= 0)
        {
            if (cr + 1 >= text.Length || text[cr + 1] != '\n')
            {
                count++;
            }
            var next = text[(cr + 1)..].IndexOf('\r');
            cr = next < 0 ? -1 : cr + 1 + next;
        }
        return count;
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (_textLength + chars.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + chars.Length));
        }
        chars.CopyTo(_text.AsSpan(_textLength));
        _textLength += chars.Length;
    }

    private void EndField()
    {
        if (FieldCount == _fieldEnds.Length)
        {
            Array.Resize(ref _fieldEnds, _fieldEnds.Length * 2);
        }
        _fieldEnds[FieldCount++] = _textLength;
    }
}
