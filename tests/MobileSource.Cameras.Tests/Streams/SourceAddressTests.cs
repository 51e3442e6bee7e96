using MobileSource.Vision.Video;

namespace MobileSource.Cameras.Tests.Streams;

public sealed class SourceAddressTests
{
    [Theory]
    [InlineData("rtsp://admin:Hk12345@192.168.1.64:554/Streaming/Channels/101", SourceKind.Rtsp, "rtsp://***@192.168.1.64:554/Streaming/Channels/101")]
    [InlineData("http://cam.local/mjpg/video.mjpg?user=op&password=secret", SourceKind.Http, "http://cam.local/mjpg/video.mjpg?user=op&password=***")]
    [InlineData("https://u:p@cdn.example/live.flv", SourceKind.Http, "https://***@cdn.example/live.flv")]
    [InlineData("data/sim-camera/video.mp4", SourceKind.File, "data/sim-camera/video.mp4")]
    public void Sources_are_recognised_and_credentials_never_shown(string text, SourceKind kind, string redacted)
    {
        var address = SourceAddress.Parse(text);

        Assert.Equal(kind, address.Kind);
        Assert.Equal(text, address.Value);
        Assert.Equal(redacted, address.Redacted);
        Assert.Equal(redacted, address.ToString());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("ftp://cam/x", "has unsupported scheme 'ftp'")]
    [InlineData("rtsp://", "is not a valid rtsp:// URL")]
    [InlineData("rtsp://user:pw@", "is not a valid rtsp:// URL (rtsp://***@)")]
    public void Invalid_sources_say_what_is_wrong(string text, string error)
    {
        Assert.False(SourceAddress.TryParse(text, out _, out var message));
        Assert.StartsWith(error, message);
    }
}
