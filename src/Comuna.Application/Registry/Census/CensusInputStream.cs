using System.Globalization;
using System.Text;

namespace Comuna.Application.Registry.Census;

/// <summary>Thrown by <see cref="CensusInputStream"/> at the first byte that is not UTF-8.</summary>
public sealed class CensusEncodingException(int line)
    : Exception(Say(line).ToString(CultureInfo.InvariantCulture))
{
    public int Line { get; } = line;

    /// <summary>The message as its template and values, for a page to say it in its language.</summary>
    public FormattableString Text => Say(Line);

    private static FormattableString Say(int line) => $"Line {line} is not valid UTF-8; save the file as UTF-8 and send it again.";
}

/// <summary>
/// Wraps the uploaded bytes on their way to the CSV reader: checks that they are UTF-8 line by
/// line, so that a bad byte is reported with its physical line (a decoder deep inside a buffered
/// reader only knows a buffer offset), and reports how many bytes were read, for a progress bar.
/// Reads forward only; nothing is kept but the decoder's few bytes of state.
/// </summary>
public sealed class CensusInputStream(Stream inner, IProgress<long>? bytesRead) : Stream
{
    private const long ProgressStep = 256 * 1024;

    private readonly Decoder _decoder = CensusFormat.Encoding.GetDecoder();
    private char[] _scratch = [];
    private long _position;
    private long _lastReported;
    private int _line = 1;
    private bool _finished;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Check(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            if (!_finished)
            {
                _finished = true;
                // A multi-byte character cut short by the end of the file.
                Decode([], flush: true);
                bytesRead?.Report(_position);
            }
            return;
        }
        // A character begun in the previous read may add two chars (a surrogate pair) of its own.
        if (_scratch.Length < bytes.Length + 4)
            _scratch = new char[Math.Max(bytes.Length + 4, 4096)];
        // Decode each line on its own, so that an exception belongs to a known line; a newline
        // is one byte in UTF-8 and never part of a longer sequence, so splitting there is safe.
        while (bytes.Length > 0)
        {
            var newline = bytes.IndexOf((byte)'\n');
            var segment = newline < 0 ? bytes : bytes[..(newline + 1)];
            Decode(segment, flush: false);
            if (newline >= 0)
                _line++;
            bytes = bytes[segment.Length..];
            _position += segment.Length;
        }
        if (bytesRead is not null && _position - _lastReported >= ProgressStep)
        {
            _lastReported = _position;
            bytesRead.Report(_position);
        }
    }

    private void Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        try
        {
            _decoder.GetChars(bytes, _scratch, flush);
        }
        catch (DecoderFallbackException)
        {
            throw new CensusEncodingException(_line);
        }
    }
}
