using System.Globalization;

namespace MobileSource.Vision.Video;

/// <summary>The ffmpeg command line for one source: raw bgr24 detect frames on stdout, optional segment recording.</summary>
internal static class FfmpegArguments
{
    public static IEnumerable<string> InputOptions(FfmpegSourceOptions o, bool forProbe)
    {
        var micros = ((long)o.IoTimeout.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        if (o.Address.IsLive)
        {
            // ffmpeg otherwise reads 5 s of a live stream before the first frame comes out.
            yield return "-analyzeduration";
            yield return "1000000";
        }
        switch (o.Address.Kind)
        {
            case SourceKind.Rtsp:
                yield return "-rtsp_transport";
                yield return "tcp";
                yield return "-timeout";
                yield return micros;
                break;
            case SourceKind.Http:
                yield return "-rw_timeout";
                yield return micros;
                break;
            case SourceKind.File when !forProbe:
                if (o.RealTime)
                {
                    yield return "-re";
                }
                if (o.Loop)
                {
                    yield return "-stream_loop";
                    yield return "-1";
                }
                break;
        }
    }

    /// <summary>
    /// RTSP often delivers the first packets of a B-frame stream without DTS (or PTS); the MPEG-TS muxer refuses
    /// them ("first pts and dts value must be set") and ffmpeg would exit. Missing stamps get the previous DTS + 1.
    /// </summary>
    private const string RepairTimestamps =
        @"setts=dts=if(eq(DTS\,NOPTS)\,if(eq(PREV_OUTDTS\,NOPTS)\,0\,PREV_OUTDTS+1)\,DTS)" +
        @":pts=if(eq(PTS\,NOPTS)\,if(eq(PREV_OUTDTS\,NOPTS)\,0\,PREV_OUTDTS+1)\,PTS)";

    /// <summary>Recordings of re-encoded sources are at most this wide (height follows, aspect kept).</summary>
    public const int MaxRecordingWidth = 1280;

    /// <summary>
    /// The arguments for reading <paramref name="o"/>; <paramref name="probe"/> (what ffprobe found) decides how
    /// the stream is timed.
    /// </summary>
    public static IReadOnlyList<string> Build(FfmpegSourceOptions o, VideoProbe? probe = null)
    {
        var fps = o.Fps.ToString("0.###", CultureInfo.InvariantCulture);
        List<string> args = ["-hide_banner", "-nostdin", "-v", "error"];
        args.AddRange(InputOptions(o, forProbe: false));
        if (o.Address.IsLive && probe is { HasNoTimestamps: true })
        {
            // An MJPEG camera's multipart stream carries no timestamps; ffmpeg would assume 25 fps whatever the
            // camera sends, so the detect-rate selection and the segment lengths would follow a false clock.
            args.AddRange(["-use_wallclock_as_timestamps", "1"]);
        }
        args.AddRange(["-i", o.Address.Value]);
        // At most one frame per 1/fps slot of stream time, chosen before scaling. Unlike the fps filter this never
        // duplicates frames, which it does to fill the timestamp jump at the start of an RTSP stream.
        var select = $"select='isnan(prev_selected_t)+gte(floor(t*{fps}),floor(prev_selected_t*{fps})+1)'";
        args.AddRange(["-map", "0:v:0", "-an", "-vf", $"{select},scale={o.Width}:{o.Height}", "-fps_mode", "vfr",
            "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"]);
        if (o.Recording is { } r)
        {
            args.AddRange(["-map", "0:v:0", "-an"]);
            if (r.Reencode)
            {
                // Keyframes at least every segment so segments start cleanly; yuv420p so every player shows them;
                // even dimensions, as yuv420p needs, and no wider than evidence needs; the camera's own frames only
                // (ffmpeg would otherwise duplicate them up to the 25 fps it assumes for MJPEG). Zero latency: a
                // segment is named when its first packet is written, and the clip cutter trusts that name as the
                // time of its first frame; x264's lookahead and frame threads would hold about a second back at 10 fps.
                args.AddRange(["-vf", $"scale='trunc(min({MaxRecordingWidth},iw)/2)*2':-2",
                    "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
                    "-force_key_frames", $"expr:gte(t,n_forced*{r.SegmentSeconds})"]);
            }
            else
            {
                args.AddRange(["-c:v", "copy"]);
                if (o.Address.IsLive)
                {
                    // Not on files: with -stream_loop the filter is flushed at the loop and refuses later packets.
                    args.AddRange(["-bsf:v", RepairTimestamps]);
                }
            }
            // Timestamps run on across segments (no -reset_timestamps): the clip cutter reads from them how long each
            // segment really lasted, including time in which the camera sent nothing.
            args.AddRange(["-f", "segment", "-segment_time", r.SegmentSeconds.ToString(CultureInfo.InvariantCulture),
                "-segment_format", "mpegts", "-strftime", "1",
                Path.Combine(r.Directory, SegmentRecording.FilePattern)]);
        }
        return args;
    }
}
