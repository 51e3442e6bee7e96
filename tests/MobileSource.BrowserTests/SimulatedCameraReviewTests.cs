using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MobileSource.Cameras.Tests.Streams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace MobileSource.BrowserTests;

/// <summary>
/// The whole chain an operator lives in: the simulator's camera streams a smoky truck over RTSP, the server's camera
/// (Debian's ffmpeg, the vision models) captures it, and the operator confirms the capture in the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SimulatedCameraReviewTests(Browser browser)
{
    private const string Truck = "豫FA173P"; // seed 5: one heavy truck trailing Ringelmann 3.75 smoke, two clean cars

    [Fact]
    public async Task An_operator_confirms_a_capture_the_simulated_camera_made_and_the_truck_is_listed()
    {
        await using var simulator = await SimulatorCamera.StartAsync(
            "--seed", "5", "--vehicles", "3", "--smoky-share", "1", "--width", "960", "--height", "540", "--fps", "10");
        using var server = new ServerFactory(Browser.CameraServerSettings(new Dictionary<string, string>
        {
            ["Id"] = "SIM-5",
            ["Source"] = simulator.Url,
            ["Site"] = "G107 模拟卡口",
            ["TravelDirection"] = "Away",
            ["DetectWidth"] = "960",
            ["DetectHeight"] = "540",
            ["IoTimeout"] = "00:00:10", // the simulator's server takes seconds to preroll a client
        }));
        server.UseKestrel();
        server.StartServer();
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);
        Guid captureId = default;
        await Eventually.TrueAsync(async () =>
        {
            var page = await api.Client("operator").GetFromJsonAsync<JsonElement>("/api/captures?state=pending");
            var first = page.GetProperty("items").EnumerateArray().FirstOrDefault();
            captureId = first.ValueKind == JsonValueKind.Object ? first.GetProperty("id").GetGuid() : default;
            return captureId != default;
        }, TimeSpan.FromSeconds(150), $"a capture from the simulated camera ({simulator.Describe()})");
        await Browser.CreateAccountAsync(api, "operator.sim", "operator");

        var page = await browser.SignedInAsync("operator.sim", "operator", Browser.AddressOf(server.Services));
        await page.Locator($"li[data-capture-id='{captureId}'] button").ClickAsync();
        await Assertions.Expect(page.Locator("#c-frames img").First).ToBeVisibleAsync();
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
