using System.Text;
using MobileSource.Cameras.Anpr;

namespace MobileSource.Cameras.Tests.Anpr;

public sealed class DahuaTrafficParserTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void Reads_a_TrafficJunction_JSON_event_taking_RealUTC_as_the_time()
    {
        var (reads, errors) = DahuaTrafficParser.Parse(Payloads.Part("dahua-trafficjunction.json", "application/json"), "10.0.0.9", Beijing);
        Assert.Empty(errors);
        var read = Assert.Single(reads);
        Assert.Equal("豫F3C730", read.Plate);
        Assert.Equal(0.91, read.Confidence!.Value, 6);
        Assert.Equal("Yellow", read.PlateColour);
        Assert.Equal("10.106.21.45", read.DeviceAddress);
        Assert.Equal("0", read.Channel);
        Assert.Equal("Heavy-duty", read.VehicleType);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 50, 0, 215, TimeSpan.Zero), read.EventAt);
    }

    [Fact]
    public void Reads_the_key_value_form_taking_UTC_as_device_local_time()
    {
        var (reads, errors) = DahuaTrafficParser.Parse(Payloads.Part("dahua-keyvalue.txt", "text/plain"), "10.106.21.46", Beijing);
        Assert.Empty(errors);
        var read = Assert.Single(reads);
        Assert.Equal("豫F3C731", read.Plate);
        Assert.Equal("Blue", read.PlateColour);
        Assert.Equal(0.88, read.Confidence!.Value, 6);
        Assert.Equal("10.106.21.46", read.DeviceAddress);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 52, 30, TimeSpan.Zero), read.EventAt);
    }

    [Fact]
    public void Reads_the_event_stream_wrapper()
    {
        var json = Encoding.UTF8.GetString(Payloads.Read("dahua-trafficjunction.json"));
        var wrapped = "Code=TrafficJunction;action=Pulse;index=0;data=" + json;
        var (reads, errors) = DahuaTrafficParser.Parse(new AnprPart("event", null, "text/plain", Encoding.UTF8.GetBytes(wrapped)), null, Beijing);
        Assert.Empty(errors);
        Assert.Equal("豫F3C730", Assert.Single(reads).Plate);
    }

    [Theory]
    [InlineData("{\"Events\":[{\"Code\":\"TrafficJunction\",\"Data\":{\"TrafficCar\":{\"PlateNumber\":\"豫F3C730\",\"Confidence\":\"x\"},\"RealUTC\":1795830600}}]}", "event: Events[0].TrafficCar.Confidence")]
    [InlineData("{\"Events\":[{\"Code\":\"TrafficJunction\",\"Data\":{\"TrafficCar\":{\"Confidence\":90},\"RealUTC\":1795830600}}]}", "event: Events[0].TrafficCar.PlateNumber")]
    [InlineData("{\"Events\":[{\"Code\":\"TrafficJunction\",\"Data\":{\"TrafficCar\":{\"PlateNumber\":\"豫F3C730\"}}}]}", "event: Events[0].UTC")]
    [InlineData("{\"Events\":[{\"Code\":\"VideoMotion\",\"Data\":{}}]}", "event: Events")]
    [InlineData("{\"Events\":[", "event")]
    [InlineData("Events[0].Data.TrafficCar.PlateNumber", "event")]
    public void Broken_events_are_errors_naming_the_part_and_field(string body, string field)
    {
        var (reads, errors) = DahuaTrafficParser.Parse(new AnprPart("event", null, "application/json", Encoding.UTF8.GetBytes(body)), null, Beijing);
        Assert.Empty(reads);
        Assert.Contains(errors, e => e.Field == field);
    }
}
