using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Vision.Analysis;

namespace MobileSource.Cameras.Streams;

/// <summary>One camera as configured (section <c>Cameras</c>, a list).</summary>
public sealed class CameraOptions
{
    public string Id { get; set; } = "";
    /// <summary>A file path, rtsp(s)://… or http(s)://…; credentials in the URL are never logged.</summary>
    public string Source { get; set; } = "";
    public string Site { get; set; } = "";
    public string Lane { get; set; } = "";
    public TravelDirection TravelDirection { get; set; } = TravelDirection.Away;
    public int DetectWidth { get; set; } = 1280;
    public int DetectHeight { get; set; } = 720;
    public double DetectFps { get; set; } = 10;
    public bool Enabled { get; set; } = true;
    /// <summary>No frame for this long: the stream is restarted.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>The same image this many frames in a row: the camera is frozen and restarted (50 = 5 s at 10 fps).</summary>
    public int FreezeFrames { get; set; } = 50;
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Consecutive attempts without a frame before the camera is Failed; 0 keeps trying.</summary>
    public int MaxAttempts { get; set; }
    /// <summary>Replay a file endlessly at its own rate, as if it were a live camera.</summary>
    public bool Loop { get; set; }
    /// <summary>Record the original stream into segments for evidence clips.</summary>
    public bool Record { get; set; } = true;
    /// <summary>A network source that does not answer fails after this long.</summary>
    public TimeSpan IoTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Problems as lines of the configuration check, each naming the camera.</summary>
    public IEnumerable<string> Validate(int position)
    {
        var name = string.IsNullOrWhiteSpace(Id) ? $"Cameras:{position}" : $"camera '{Id}'";
        return ValidateFields().Select(e => $"{name}: {e.Message}");
    }

    /// <summary>Problems by field (camelCase, as the cameras page and API name them), in the reader's language.</summary>
    public IEnumerable<FieldError> ValidateFields()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            yield return new("id", Bilingual.Text("Id is required", "请填写编号"));
        }
        else if (Id.Length > MaxIdLength || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            yield return new("id", Bilingual.Text(
                $"Id may contain only letters, digits, '-' and '_', at most {MaxIdLength} (it names folders)",
                $"编号只能由字母、数字、“-”和“_”组成，最多 {MaxIdLength} 个字符（用作文件夹名）"));
        }
        if (!Vision.Video.SourceAddress.TryParse(Source, out _, out var sourceError))
        {
            yield return new("source", Bilingual.Text($"Source {sourceError}", string.IsNullOrWhiteSpace(Source)
                ? "请填写视频源地址"
                : "视频源地址无效：应以 rtsp://、rtsps://、http:// 或 https:// 开头"));
        }
        else if (Source.Trim().Length > MaxSourceLength)
        {
            yield return new("source", Bilingual.Text($"Source has at most {MaxSourceLength} characters", $"视频源地址最多 {MaxSourceLength} 个字符"));
        }
        // Every capture is filed under its site and lane: a camera without them could capture nothing.
        if (string.IsNullOrWhiteSpace(Site) || Site.Length > MaxTextLength)
        {
            yield return new("site", Bilingual.Text($"Site is required, at most {MaxTextLength} characters (where the camera watches)",
                $"请填写地点（摄像机所在位置），最多 {MaxTextLength} 个字符"));
        }
        if (string.IsNullOrWhiteSpace(Lane) || Lane.Length > MaxLaneLength)
        {
            yield return new("lane", Bilingual.Text($"Lane is required, at most {MaxLaneLength} characters",
                $"请填写车道，最多 {MaxLaneLength} 个字符"));
        }
        if (DetectWidth is < 16 or > 7680 || DetectWidth % 2 != 0)
        {
            yield return new("detectWidth", Bilingual.Text($"DetectWidth {DetectWidth} must be an even number between 16 and 7680",
                $"检测宽度 {DetectWidth} 应为 16 到 7680 之间的偶数"));
        }
        if (DetectHeight is < 16 or > 4320 || DetectHeight % 2 != 0)
        {
            yield return new("detectHeight", Bilingual.Text($"DetectHeight {DetectHeight} must be an even number between 16 and 4320",
                $"检测高度 {DetectHeight} 应为 16 到 4320 之间的偶数"));
        }
        if (DetectFps is <= 0 or > 60 || double.IsNaN(DetectFps))
        {
            yield return new("detectFps", Bilingual.Text($"DetectFps {DetectFps} must be above 0 and at most 60",
                $"检测帧率 {DetectFps} 应大于 0 且不超过 60"));
        }
        if (StallTimeout < TimeSpan.FromSeconds(1))
        {
            yield return new("stallTimeout", Bilingual.Text($"StallTimeout {StallTimeout} must be at least 1 second",
                $"断流判定时间 {StallTimeout} 至少 1 秒"));
        }
        if (FreezeFrames < 2)
        {
            yield return new("freezeFrames", Bilingual.Text($"FreezeFrames {FreezeFrames} must be at least 2",
                $"画面冻结判定帧数 {FreezeFrames} 至少为 2"));
        }
        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            yield return new("initialBackoff", Bilingual.Text("InitialBackoff must be positive and MaxBackoff at least InitialBackoff",
                "重连初始间隔应大于 0，且最大间隔不小于初始间隔"));
        }
        if (MaxAttempts < 0)
        {
            yield return new("maxAttempts", Bilingual.Text($"MaxAttempts {MaxAttempts} must be 0 (keep trying) or more",
                $"最大重连次数 {MaxAttempts} 应为 0（一直重试）或更大"));
        }
        if (IoTimeout < TimeSpan.FromSeconds(1))
        {
            yield return new("ioTimeoutSeconds", Bilingual.Text($"IoTimeout {IoTimeout} must be at least 1 second",
                $"网络超时 {IoTimeout.TotalSeconds} 秒：至少 1 秒"));
        }
    }

    public const int MaxIdLength = 64;
    public const int MaxSourceLength = 1024;
    public const int MaxTextLength = 128;
    public const int MaxLaneLength = 32;

    public CameraOptions Clone() => (CameraOptions)MemberwiseClone();
}
