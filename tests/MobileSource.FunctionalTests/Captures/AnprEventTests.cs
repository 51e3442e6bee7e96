using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MobileSource.FunctionalTests.Captures;

[Collection(ServerCollection.Name)]
public sealed class AnprEventTests(ServerFixture server)
{
    private readonly CaptureDriver _captures = new(server);

    [Fact]
    public async Task A_Hikvision_ISAPI_alarm_is_stored_and_its_more_confident_plate_replaces_the_capture_read()
    {
        // The sample alarm is at 2026-11-28T09:40:03+08:00; our capture is one second later on the same camera.
        var evidence = await _captures.RecordAsync("豫F3C728", plateConfidence: 0.62, cameraId: "CAM-HK-MERGE",
            capturedAt: new DateTimeOffset(2026, 11, 28, 1, 40, 4, TimeSpan.Zero));

        var response = await Device.PostAsync("/api/anpr/hikvision?camera=CAM-HK-MERGE", HikvisionPush(AnprPayloads.Read("hikvision-anpr.xml")));
        await ApiDriver.EnsureAsync(response, HttpStatusCode.OK);
        using var body = await ApiDriver.ReadJsonAsync(response);
        var stored = body.RootElement.GetProperty("events")[0];
        Assert.Equal("豫F3C720", stored.GetProperty("plate").GetString());
        Assert.Equal(0.97, stored.GetProperty("confidence").GetDouble(), 3);
        Assert.Equal(evidence.CaptureId, stored.GetProperty("captureId").GetGuid());
        Assert.True(stored.GetProperty("plateUsedByCapture").GetBoolean());
        Assert.Equal(2, stored.GetProperty("pictures").GetArrayLength());
        Assert.Equal(0, body.RootElement.GetProperty("warnings").GetArrayLength());

        var capture = await _captures.GetAsync(evidence.CaptureId);
        Assert.Equal("豫F·3C720", capture.GetProperty("capture").GetProperty("plate").GetString());
        Assert.Equal("anpr", capture.GetProperty("capture").GetProperty("plateSource").GetString());
        Assert.Equal("豫F·3C728", capture.GetProperty("visionRead").GetProperty("plate").GetString());
        Assert.Equal("豫F·3C720", capture.GetProperty("anprRead").GetProperty("plate").GetString());
        var pictures = capture.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "anpr-picture").ToList();
        Assert.Equal(2, pictures.Count);
        var second = await _captures.Operator.GetAsync(pictures[1].GetProperty("url").GetString());
        await ApiDriver.EnsureAsync(second, HttpStatusCode.OK);
        Assert.Equal(pictures[1].GetProperty("sha256").GetString(), CaptureDriver.Sha256(await second.Content.ReadAsByteArrayAsync()));

        // A camera that did not get our answer sends the alarm again: it is not stored twice.
        var resend = await Device.PostAsync("/api/anpr/hikvision?camera=CAM-HK-MERGE", HikvisionPush(AnprPayloads.Read("hikvision-anpr.xml")));
        await ApiDriver.EnsureAsync(resend, HttpStatusCode.OK);
        using var again = await ApiDriver.ReadJsonAsync(resend);
        Assert.True(again.RootElement.GetProperty("events")[0].GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task A_capture_that_arrives_after_the_ANPR_event_takes_the_camera_plate_too()
    {
        var response = await Device.PostAsync("/api/anpr/dahua?camera=CAM-DH-MERGE", DahuaPush(AnprPayloads.Read("dahua-trafficjunction.json"), mixed: true));
        await ApiDriver.EnsureAsync(response, HttpStatusCode.OK);
        using var body = await ApiDriver.ReadJsonAsync(response);
        var stored = body.RootElement.GetProperty("events")[0];
        Assert.Equal("Yellow", stored.GetProperty("plateColour").GetString());
        Assert.Equal(new DateTime(2026, 11, 28, 1, 50, 0, 215, DateTimeKind.Utc), stored.GetProperty("eventAtUtc").GetDateTime().ToUniversalTime());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("captureId").ValueKind);

        // Our own OCR found no plate at all; the capture comes 2 s after the camera's event.
        var evidence = await _captures.RecordAsync(plate: null, cameraId: "CAM-DH-MERGE",
            capturedAt: new DateTimeOffset(2026, 11, 28, 1, 50, 2, TimeSpan.Zero));
        var capture = await _captures.GetAsync(evidence.CaptureId);
        Assert.Equal("豫F·3C730", capture.GetProperty("capture").GetProperty("plate").GetString());
        Assert.Equal("yellow", capture.GetProperty("capture").GetProperty("plateColour").GetString());
        Assert.Equal("anpr", capture.GetProperty("capture").GetProperty("plateSource").GetString());
        Assert.Equal(JsonValueKind.Null, capture.GetProperty("visionRead").ValueKind);
    }

    [Fact]
    public async Task A_Dahua_key_value_push_is_accepted()
    {
        var content = new MultipartFormDataContent();
        var text = new ByteArrayContent(AnprPayloads.Read("dahua-keyvalue.txt"));
        text.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        content.Add(text, "event", "event.txt");
        var response = await Device.PostAsync("/api/anpr/dahua?camera=CAM-DH-KV", content);
        await ApiDriver.EnsureAsync(response, HttpStatusCode.OK);
        using var body = await ApiDriver.ReadJsonAsync(response);
        var stored = body.RootElement.GetProperty("events")[0];
        Assert.Equal("豫F3C731", stored.GetProperty("plate").GetString());
        Assert.Equal(0.88, stored.GetProperty("confidence").GetDouble(), 3);
        Assert.Equal(new DateTime(2026, 11, 28, 1, 52, 30, DateTimeKind.Utc), stored.GetProperty("eventAtUtc").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task A_bad_picture_part_is_reported_but_the_event_is_kept()
    {
        var content = HikvisionPush(AnprPayloads.Read("hikvision-no-plate.xml"), detectionPicture: "not a jpeg"u8.ToArray());
        var response = await Device.PostAsync("/api/anpr/hikvision?camera=CAM-HK-BADPIC", content);
        await ApiDriver.EnsureAsync(response, HttpStatusCode.OK);
        using var body = await ApiDriver.ReadJsonAsync(response);
        var stored = body.RootElement.GetProperty("events")[0];
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("plate").ValueKind);
        Assert.Single(stored.GetProperty("pictures").EnumerateArray());
        var warning = Assert.Single(body.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("detectionPicture.jpg", warning.GetProperty("part").GetString());
    }

    [Fact]
    public async Task A_malformed_alarm_is_a_400_naming_the_part()
    {
        var xml = AnprPayloads.Read("hikvision-anpr.xml");
        var truncated = xml[..(xml.Length / 2)];
        var response = await Device.PostAsync("/api/anpr/hikvision?camera=CAM-HK-BAD", HikvisionPush(truncated));
        await ApiDriver.EnsureAsync(response, HttpStatusCode.BadRequest);
        using var body = await ApiDriver.ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("anpr.xml", out var messages), body.RootElement.ToString());
        Assert.Contains("malformed XML", messages[0].GetString());

        var badConfidence = System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(xml).Replace("<confidenceLevel>97</confidenceLevel>", "<confidenceLevel>high</confidenceLevel>"));
        var second = await Device.PostAsync("/api/anpr/hikvision?camera=CAM-HK-BAD", HikvisionPush(badConfidence));
        await ApiDriver.EnsureAsync(second, HttpStatusCode.BadRequest);
        using var secondBody = await ApiDriver.ReadJsonAsync(second);
        Assert.True(secondBody.RootElement.GetProperty("errors").TryGetProperty("anpr.xml: EventNotificationAlert/ANPR/confidenceLevel", out _),
            secondBody.RootElement.ToString());
    }

    [Fact]
    public async Task An_alarm_from_an_unconfigured_device_is_a_400_naming_ipAddress()
    {
        var response = await Device.PostAsync("/api/anpr/hikvision", HikvisionPush(AnprPayloads.Read("hikvision-anpr.xml")));
        await ApiDriver.EnsureAsync(response, HttpStatusCode.BadRequest);
        using var body = await ApiDriver.ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("ipAddress", out _));
    }

    [Fact]
    public async Task Police_keys_cannot_push_ANPR_events()
    {
        var response = await server.Api.Client("police").PostAsync("/api/anpr/hikvision?camera=X", HikvisionPush(AnprPayloads.Read("hikvision-anpr.xml")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private HttpClient Device => server.Api.Client("device");

    /// <summary>As a Hikvision camera posts to its HTTP listening host: the XML part plus two JPEGs.</summary>
    private static MultipartFormDataContent HikvisionPush(byte[] xml, byte[]? detectionPicture = null)
    {
        var content = new MultipartFormDataContent();
        var xmlPart = new ByteArrayContent(xml);
        xmlPart.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "UTF-8" };
        content.Add(xmlPart, "anpr.xml", "anpr.xml");
        content.Add(Jpeg(File.ReadAllBytes(SampleMedia.Still("plate"))), "licensePlatePicture.jpg", "licensePlatePicture.jpg");
        content.Add(Jpeg(detectionPicture ?? File.ReadAllBytes(SampleMedia.Still("scene"))), "detectionPicture.jpg", "detectionPicture.jpg");
        return content;
    }

    private static MultipartContent DahuaPush(byte[] json, bool mixed)
    {
        var content = mixed ? new MultipartContent("mixed") : new MultipartFormDataContent();
        var jsonPart = new ByteArrayContent(json);
        jsonPart.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        jsonPart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"event\"" };
        content.Add(jsonPart);
        var picture = Jpeg(File.ReadAllBytes(SampleMedia.Still("anpr")));
        picture.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"picture\"", FileName = "\"TrafficJunction_1.jpg\"" };
        content.Add(picture);
        return content;
    }

    private static ByteArrayContent Jpeg(byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return part;
    }
}
