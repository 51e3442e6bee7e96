using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MobileSource.Vision.Video;

namespace MobileSource.Analyze;

/// <summary>The source's own frame rate and size (ffprobe), to size the detect frames and convert source times to frame numbers.</summary>
internal sealed record SourceStream(double Fps, int Width, int Height)
{
    public static async Task<SourceStream> ProbeAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new FrameSourceException(path, "file not found", permanent: true);
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=avg_frame_rate,r_frame_rate,width,height", "-of", "json", path })
            info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new FrameSourceException(path, "cannot start ffprobe");
        var stdout = await p.StandardOutput.ReadToEndAsync(ct);
        var stderr = await p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
            throw new FrameSourceException(path, $"not a readable video: {stderr.Split('\n').FirstOrDefault(l => l.Length > 0) ?? "ffprobe failed"}", permanent: true);
        using var json = JsonDocument.Parse(stdout);
        if (!json.RootElement.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
            throw new FrameSourceException(path, "not a video: no video stream", permanent: true);
        var s = streams[0];
        var fps = Rate(s, "avg_frame_rate") ?? Rate(s, "r_frame_rate")
                  ?? throw new FrameSourceException(path, "not a video: no frame rate", permanent: true);
        var w = s.TryGetProperty("width", out var wv) ? wv.GetInt32() : 0;
        var h = s.TryGetProperty("height", out var hv) ? hv.GetInt32() : 0;
        if (w <= 0 || h <= 0) throw new FrameSourceException(path, "not a video: no frame size", permanent: true);
        return new SourceStream(fps, w, h);
    }

    /// <summary>Detect size: the source's own up to 1280 wide, else scaled to 1280 wide; even numbers for ffmpeg.</summary>
    public (int Width, int Height) DetectSize()
    {
        var w = Math.Min(Width, 1280);
        var h = (int)Math.Round(Height * (double)w / Width);
        return (w & ~1, Math.Max(16, h & ~1));
    }

    public long FrameAt(TimeSpan t) => (long)Math.Round(t.TotalSeconds * Fps);

    private static double? Rate(JsonElement s, string name)
    {
        if (!s.TryGetProperty(name, out var v) || v.GetString() is not { } text) return null;
        var parts = text.Split('/');
        if (parts.Length == 2 && double.TryParse(parts[0], CultureInfo.InvariantCulture, out var n)
            && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var d) && d > 0 && n > 0)
            return n / d;
        return null;
    }
}
