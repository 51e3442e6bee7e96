using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MobileSource.Cameras.Tests.Streams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace MobileSource.BrowserTests;

/// <summary>
/// The whole chain an operator lives in: the simulator's camera streams a smoky truck over RTSP, the operator adds that
/// camera on the cameras page (and edits it), the server's camera (Debian's ffmpeg, the vision models) captures the
/// truck, and the operator confirms the capture in the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SimulatedCameraReviewTests(Browser browser)
{
    private const string Truck = "豫FA173P"; // seed 5: one heavy truck trailing Ringelmann 3.75 smoke, two clean cars

    [Fact]
    public async Task An_operator_adds_the_simulated_camera_on_the_page_and_confirms_its_capture_and_the_truck_is_listed()
    {
        await using var simulator = await SimulatorCamera.StartAsync(
            "--seed", "5", "--vehicles", "3", "--smoky-share", "1", "--width", "960", "--height", "540", "--fps", "10");
        // The configured demo camera stays off: this server runs only the camera the operator adds.
        using var server = new ServerFactory(Browser.CameraServerSettings(new Dictionary<string, string> { ["Enabled"] = "false" }));
        server.UseKestrel();
        server.StartServer();
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);
        await Browser.CreateAccountAsync(api, "operator.sim", "operator");
        var page = await browser.SignedInAsync("operator.sim", "operator", Browser.AddressOf(server.Services));
        await page.ClickAsync("a[href='/cameras']");
        await page.WaitForURLAsync("**/cameras");

        // A file on the server is refused next to the field, in the page's language; the stream address is taken.
        await page.ClickAsync("#add-camera");
        await page.FillAsync("#cf-id", "SIM-5");
        await page.FillAsync("#cf-source", "/var/lib/video.mp4");
        await page.FillAsync("#cf-site", "G107 模拟卡口");
        await page.FillAsync("#cf-lane", "1");
        await page.FillAsync("#cf-detectWidth", "960");
        await page.FillAsync("#cf-detectHeight", "540");
        await page.FillAsync("#cf-ioTimeoutSeconds", "10"); // the simulator's server takes seconds to preroll a client
        await page.ClickAsync("#cf-save");
        await Assertions.Expect(page.Locator("#cf-source-error")).ToContainTextAsync("操作员只能添加网络视频流");
        await Assertions.Expect(page.Locator("#cf-source")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.ScreenshotAsync(page, "operator-camera-form");
        await page.FillAsync("#cf-source", simulator.Url);
        await page.ClickAsync("#cf-save");
        var row = page.Locator("tr[data-camera='SIM-5']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 60_000 });

        // An edit restarts the running camera with the change.
        await row.Locator("button[data-i18n='editCamera']").ClickAsync();
        await Assertions.Expect(page.Locator("#cf-id")).ToHaveValueAsync("SIM-5");
        await page.FillAsync("#cf-site", "G107 模拟卡口（北向）");
        await page.ClickAsync("#cf-save");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("G107 模拟卡口（北向）");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 60_000 });
        await Browser.ScreenshotAsync(page, "operator-cameras-added");

        Guid captureId = default;
        await Eventually.TrueAsync(async () =>
        {
            var pending = await api.Client("operator").GetFromJsonAsync<JsonElement>("/api/captures?state=pending");
            var first = pending.GetProperty("items").EnumerateArray().FirstOrDefault();
            captureId = first.ValueKind == JsonValueKind.Object ? first.GetProperty("id").GetGuid() : default;
            return captureId != default;
        }, TimeSpan.FromSeconds(150), $"a capture from the simulated camera ({simulator.Describe()})");

        await page.ClickAsync("a[href='/operator']");
        await page.WaitForURLAsync("**/operator");
        await page.Locator($"li[data-capture-id='{captureId}'] button").ClickAsync();
        await Assertions.Expect(page.Locator("#c-frames img").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#c-where")).ToContainTextAsync("SIM-5"); // before or after the edit
        var read = await page.InputValueAsync("#c-plate-input");
        if (read.Replace("·", "") != Truck)
        {
            // The plate was not read (or misread) at this size: the operator types it from the plate picture, with the reason.
            await page.FillAsync("#c-plate-input", Truck);
            await page.FillAsync("#c-reason", "对照号牌特写人工录入");
        }
        await page.ClickAsync("#c-confirm");
        await Assertions.Expect(page.Locator("#capture")).ToHaveAttributeAsync("data-state", "confirmed");
        await Browser.ScreenshotAsync(page, "operator-review-simulated-camera");

        await Eventually.TrueAsync(() => api.IsListedAsync(Truck), TimeSpan.FromSeconds(15), $"{Truck} listed for black smoke");
    }
}
