using MobileSource.Cameras.Anpr;

namespace MobileSource.Cameras.Tests.Anpr;

public sealed class AnprOptionsTests
{
    private static readonly AnprOptions Options = new()
    {
        Cameras =
        [
            new AnprCameraMapping { CameraId = "CAM-QB-01", Address = "10.106.21.31", Channel = "1" },
            new AnprCameraMapping { CameraId = "CAM-QB-02", Address = "10.106.21.31", Channel = "2" },
            new AnprCameraMapping { CameraId = "CAM-ITC-45", Address = "10.106.21.45" },
        ],
    };

    [Theory]
    [InlineData("10.106.21.31", "1", "CAM-QB-01")]
    [InlineData("10.106.21.31", "2", "CAM-QB-02")]
    [InlineData("10.106.21.31", "3", null)]
    [InlineData("10.106.21.45", "0", "CAM-ITC-45")]
    [InlineData("10.106.21.45", null, "CAM-ITC-45")]
    [InlineData("10.9.9.9", "1", null)]
    [InlineData(null, "1", null)]
    public void A_device_and_channel_map_to_the_configured_camera(string? address, string? channel, string? camera) =>
        Assert.Equal(camera, Options.CameraFor(address, channel));
}
