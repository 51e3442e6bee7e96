using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MobileSource.Infrastructure.Security;
using MobileSource.Infrastructure.Sensing;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Streaming;

/// <summary>
/// One device's stream. The protocol, line by line (UTF-8, lines end in \n):
/// <code>
/// device: AUTH &lt;api-key&gt;                 server: {"auth":"ok","name":"RS unit 7"}  (or "refused" with the reason, then closes)
/// device: {"jlbh":"R1","dwbh":...}          server: {"line":2,"jlbh":"R1","status":"accepted","outcome":"fail",...}
/// device: not json                          server: {"line":3,"status":"rejected","errors":[{"field":"$","message":"..."}]}
/// </code>
/// Every non-blank line after AUTH is one record in either layout the HTTP intake takes, and gets exactly one answer, in
/// order, once the record is stored: "accepted", "duplicate" (already stored, ignored), "rejected" (with the fields) or
/// "error" (not stored: send it again). A device may send many lines before reading answers; past
/// <see cref="ReadingLineOptions.MaxUnansweredPerConnection"/> unanswered records the server stops reading until it
/// catches up. Blank lines are ignored; a line longer than the limit is rejected by its number and skipped.
/// </summary>
public sealed class ReadingLineConnection(
    Stream stream,
    string remote,
    IntakeQueue intake,
    IServiceScopeFactory scopes,
    IOptions<ReadingLineOptions> options,
    ILogger<ReadingLineConnection> logger)
{
    private sealed record Answer(long Line, Task<IntakeResult>? Result, JsonDocument? Document, string? Rejection);

    private readonly PipeReader _reader = PipeReader.Create(stream);
    private string _device = "";
    private long _line;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!await AuthenticateAsync(stoppingToken))
        {
            return;
        }
        var answers = Channel.CreateBounded<Answer>(new BoundedChannelOptions(options.Value.MaxUnansweredPerConnection) { SingleReader = true, SingleWriter = true });
        // When answers can no longer be written (the device went away), reading stops too.
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var writing = WriteAnswersAsync(answers.Reader, connection);
        try
        {
            await ReadRecordsAsync(answers.Writer, connection.Token);
        }
        catch (OperationCanceledException) when (connection.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            answers.Writer.TryComplete();
            await writing;
        }
    }

    private async Task<bool> AuthenticateAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.AuthTimeout);
        string? first;
        try
        {
            first = await ReadFirstLineAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            await RefuseAsync($"no AUTH line within {options.Value.AuthTimeout.TotalSeconds:0} s", stoppingToken);
            return false;
        }
        if (first is null)
        {
            return false;
        }
        if (!first.StartsWith("AUTH ", StringComparison.Ordinal))
        {
            await RefuseAsync("the first line must be AUTH <api-key>", stoppingToken);
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var identity = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().FindAsync(first[5..].Trim(), stoppingToken);
        if (identity is null || identity.Role is not (Roles.Device or Roles.Admin))
        {
            await RefuseAsync(identity is null ? "the API key is unknown or revoked" : $"the role '{identity.Role}' may not send readings", stoppingToken);
            return false;
        }
        _device = identity.Name;
        await WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(new { auth = "ok", name = identity.Name }), stoppingToken);
        logger.LogInformation("Device {Device} streaming from {Remote}", _device, remote);
        return true;
    }

    private async Task RefuseAsync(string reason, CancellationToken ct)
    {
        logger.LogWarning("Device connection from {Remote} refused: {Reason}", remote, reason);
        await WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(new { auth = "refused", error = reason }), ct);
    }

    private async Task<string?> ReadFirstLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var read = await _reader.ReadAsync(ct);
            var buffer = read.Buffer;
            if (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = Encoding.UTF8.GetString(buffer.Slice(0, end)).TrimEnd('\r');
                _reader.AdvanceTo(buffer.GetPosition(1, end));
                _line = 1;
                return line;
            }
            if (read.IsCompleted || buffer.Length > 1024)
            {
                _reader.AdvanceTo(buffer.End);
                return read.IsCompleted ? null : "";
            }
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async Task ReadRecordsAsync(ChannelWriter<Answer> answers, CancellationToken stoppingToken)
    {
        var skipping = false; // inside a line that was too long, until its end
        while (true)
        {
            ReadResult read;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                idle.CancelAfter(options.Value.IdleTimeout);
                try
                {
                    read = await _reader.ReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogInformation("Device {Device} ({Remote}) idle for {Idle}: closed", _device, remote, options.Value.IdleTimeout);
                    return;
                }
            }
            var buffer = read.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                if (skipping)
                {
                    skipping = false;
                }
                else
                {
                    await TakeLineAsync(buffer.Slice(0, end), answers, stoppingToken);
                }
                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }
            if (!skipping && buffer.Length > options.Value.MaxLineBytes)
            {
                _line++;
                await answers.WriteAsync(new Answer(_line, null, null, $"line {_line} is longer than {options.Value.MaxLineBytes} bytes"), stoppingToken);
                skipping = true;
            }
            if (skipping)
            {
                buffer = buffer.Slice(buffer.End);
            }
            if (read.IsCompleted)
            {
                if (!skipping && buffer.Length > 0)
                {
                    await TakeLineAsync(buffer, answers, stoppingToken); // a last record without its line end
                }
                _reader.AdvanceTo(read.Buffer.End);
                return;
            }
            _reader.AdvanceTo(buffer.Start, read.Buffer.End);
        }
    }

    private async Task TakeLineAsync(ReadOnlySequence<byte> line, ChannelWriter<Answer> answers, CancellationToken ct)
    {
        var bytes = line.ToArray();
        var length = bytes.Length;
        while (length > 0 && bytes[length - 1] is (byte)'\r' or (byte)' ' or (byte)'\t')
        {
            length--;
        }
        if (length == 0)
        {
            return; // blank lines (keep-alives) are not records
        }
        _line++;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(0, length));
        }
        catch (JsonException ex)
        {
            await answers.WriteAsync(new Answer(_line, null, null, $"line {_line} is not JSON (position {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}"), ct);
            return;
        }
        Task<IntakeResult>? stored = null;
        try
        {
            stored = await intake.EnqueueAsync(document.RootElement, _device, ct);
            await answers.WriteAsync(new Answer(_line, stored, document, null), ct);
        }
        catch
        {
            if (stored is not null)
            {
                await stored.ContinueWith(_ => { }, TaskScheduler.Default); // queued: the writer still reads the document
            }
            document.Dispose();
            throw;
        }
    }

    private async Task WriteAnswersAsync(ChannelReader<Answer> answers, CancellationTokenSource connection)
    {
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (await answers.WaitToReadAsync(CancellationToken.None))
            {
                while (answers.TryRead(out var answer))
                {
                    await WriteAnswerAsync(output, answer);
                    if (output.WrittenCount > 32 * 1024)
                    {
                        await FlushAsync(output);
                    }
                }
                await FlushAsync(output);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The device went away: its unanswered records may or may not be stored, and it sends them again.
            await connection.CancelAsync();
            while (await answers.WaitToReadAsync(CancellationToken.None))
            {
                while (answers.TryRead(out var left))
                {
                    if (left.Result is not null)
                    {
                        await left.Result.ContinueWith(_ => { }, TaskScheduler.Default); // the intake still reads its document
                    }
                    left.Document?.Dispose();
                }
            }
        }
    }

    private static async Task WriteAnswerAsync(ArrayBufferWriter<byte> output, Answer answer)
    {
        IntakeResult? result = null;
        string? error = null;
        if (answer.Result is not null)
        {
            try
            {
                result = await answer.Result;
            }
            catch (IntakeUnavailableException ex)
            {
                error = ex.Message;
            }
            finally
            {
                answer.Document?.Dispose();
            }
        }
        using (var w = new Utf8JsonWriter(output))
        {
            w.WriteStartObject();
            w.WriteNumber("line", answer.Line);
            if (result?.RecordNo is { } recordNo)
            {
                w.WriteString("jlbh", recordNo);
            }
            if (answer.Rejection is not null)
            {
                w.WriteString("status", "rejected");
                WriteErrors(w, [new FieldError("$", answer.Rejection)]);
            }
            else if (error is not null)
            {
                w.WriteString("status", "error");
                w.WriteString("error", error);
            }
            else
            {
                w.WriteString("status", result!.Status.ToString().ToLowerInvariant());
                if (result.Judgement is { } j)
                {
                    w.WriteString("outcome", j.Outcome.ToString().ToLowerInvariant());
                    if (j.Exceedances.Count > 0)
                    {
                        w.WriteString("failed", string.Join(',', j.Exceedances.Select(e => e.Pollutant)));
                    }
                    if (j.InvalidReasons.Count > 0)
                    {
                        w.WriteString("invalid", string.Join("; ", j.InvalidReasons));
                    }
                    w.WriteBoolean("needsPlateReview", j.NeedsPlateReview);
                }
                if (result.NotForEnforcementReason is { } reason)
                {
                    w.WriteString("notForEnforcement", reason);
                }
                if (result.Errors.Count > 0)
                {
                    WriteErrors(w, result.Errors);
                }
            }
            w.WriteEndObject();
        }
        output.Write("\n"u8);
    }

    private static void WriteErrors(Utf8JsonWriter w, IEnumerable<FieldError> errors)
    {
        w.WriteStartArray("errors");
        foreach (var e in errors)
        {
            w.WriteStartObject();
            w.WriteString("field", e.Field);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// Writes the gathered answers. Bounded by the idle timeout, not the server's stopping token: answers for records
    /// stored while the server stops still go out, and a device that never reads its answers is let go.
    /// </summary>
    private async Task FlushAsync(ArrayBufferWriter<byte> output)
    {
        if (output.WrittenCount == 0)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(options.Value.IdleTimeout);
        await stream.WriteAsync(output.WrittenMemory, timeout.Token);
        await stream.FlushAsync(timeout.Token);
        output.ResetWrittenCount();
    }

    private async Task WriteLineAsync(byte[] json, CancellationToken ct)
    {
        await stream.WriteAsync(json, ct);
        await stream.WriteAsync("\n"u8.ToArray(), ct);
        await stream.FlushAsync(ct);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
