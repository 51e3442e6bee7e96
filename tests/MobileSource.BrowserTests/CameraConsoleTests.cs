using System.Net;
using System.Net.Http.Json;
using MobileSource.Cameras.Streams;
using MobileSource.FunctionalTests.Captures;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenCvSharp;

namespace MobileSource.BrowserTests;

/// <summary>
/// The operator's cameras page against a server running a real camera: Debian's ffmpeg replaying a clip as a live
/// stream. The analyzer is a stand-in that reports one fixed vehicle: the vision models are tested elsewhere, here it
/// is the page that must draw what an analyzer saw.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CameraConsoleTests(Browser browser)
{
    private sealed class OneVehicleAnalyzer : IStreamAnalyzer
    {
        public int VehiclesSeen => 1;
        public FrameOverlay LastOverlay { get; private set; } = FrameOverlay.Empty;

        public IReadOnlyList<SmokeCapture> Process(VideoFrame frame)
        {
            LastOverlay = new FrameOverlay(frame.Index,
                [new TrackOverlay(7, VehicleClass.Heavy, new Rect(40, 60, 120, 80), new Rect(60, 140, 80, 50), 0.91, "豫F12345")]);
            return [];
        }

        public IReadOnlyList<SmokeCapture> Complete() => [];

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task An_operator_sees_a_live_camera_with_what_was_seen_drawn_over_it_and_stops_and_starts_it()
    {
        using var root = new ServerFactory(Browser.CameraServerSettings(new Dictionary<string, string>
        {
            ["Id"] = "CAM-T1",
            ["Source"] = SampleMedia.Clip,
            ["Site"] = "淇滨大道",
            ["Loop"] = "true",
            ["Record"] = "false",
            ["DetectWidth"] = "320",
            ["DetectHeight"] = "240",
        }));
        await using var server = root.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<Func<CameraOptions, IStreamAnalyzer>>(_ => new OneVehicleAnalyzer())));
        server.UseKestrel();
        server.StartServer();
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);
        await Browser.CreateAccountAsync(api, "operator.cameras", "operator");

        var page = await browser.SignedInAsync("operator.cameras", "operator", Browser.AddressOf(server.Services));
        await page.ClickAsync("a[href='/cameras']");
        await page.WaitForURLAsync("**/cameras");

        var row = page.Locator("tr[data-camera='CAM-T1']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 30_000 });
        await row.Locator("button[data-i18n='liveView']").ClickAsync();
        await Assertions.Expect(page.Locator("#live-canvas")).ToHaveAttributeAsync("data-frame", new System.Text.RegularExpressions.Regex(@"^\d+$"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#live-tracks")).ToContainTextAsync("#7 Heavy 豫F·12345 · 黑烟 0.91");
        Assert.Equal(320, await page.Locator("#live-canvas").EvaluateAsync<int>("c => c.width"));
        await Browser.ScreenshotAsync(page, "operator-cameras");

        await row.Locator("button[data-i18n='stop']").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "Stopped");
        // A stopped camera shows no old picture as if it were live.
        Assert.Equal(HttpStatusCode.Conflict, (await api.Client("operator").GetAsync("/api/cameras/CAM-T1/live")).StatusCode);
        await row.Locator("button[data-i18n='start']").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 30_000 });
    }
}
