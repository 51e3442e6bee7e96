using MobileSource.Vision.Video;

namespace MobileSource.Vision.Tests.Video;

public sealed class FfmpegErrorsTests
{
    private static readonly SourceAddress Camera = SourceAddress.Parse("http://admin:Hk12345@10.0.0.64/ISAPI/Streaming/channels/102/httpPreview");

    // The lines as Debian's ffmpeg/ffprobe 5.1 print them for an HTTP source.
    [Theory]
    [InlineData("Server returned 401 Unauthorized (authorization failed)", "authentication failed (check the user name and password)")]
    [InlineData("Server returned 403 Forbidden (access denied)", "access forbidden by the camera or stream server")]
    [InlineData("Server returned 404 Not Found", "stream not found on the server (404: check the path)")]
    [InlineData("Server returned 4XX Client Error, but not one of 40{0,1,3,4}", "the camera or stream server refused the request (HTTP 4xx: check the path and parameters)")]
    [InlineData("Server returned 5XX Server Error reply", "the camera or stream server failed (HTTP 5xx: overloaded, or the stream is not running)")]
    [InlineData("Connection to tcp://10.0.0.64:80 failed: Connection refused", "connection refused (is the camera or stream server up, and the port right?)")]
    public void Http_failures_are_named_for_the_operator(string ffmpegSays, string reason)
    {
        var line = $"{Camera.Value}: {ffmpegSays}";

        Assert.Equal(reason, FfmpegErrors.Classify(Camera, [line], slow: false, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void An_unknown_http_failure_is_quoted_without_the_password()
    {
        var reason = FfmpegErrors.Classify(Camera, [$"{Camera.Value}: Server returned 3XX redirect loop"], slow: false, TimeSpan.FromSeconds(5));

        Assert.StartsWith("ffmpeg failed: http://***@10.0.0.64/", reason);
        Assert.DoesNotContain("Hk12345", reason);
    }
}
