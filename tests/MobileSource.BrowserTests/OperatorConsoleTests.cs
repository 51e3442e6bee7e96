using MobileSource.Cameras.Captures;
using MobileSource.FunctionalTests.Captures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MobileSource.BrowserTests;

/// <summary>The camera operator's review of black-smoke captures in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorConsoleTests(Browser browser)
{
    /// <summary>A capture handed to the server's sink as a camera stream hands it over, with real media made by ffmpeg.</summary>
    private async Task<Guid> CaptureAsync(string plate)
    {
        var staging = Directory.CreateTempSubdirectory("mobilesource-staging-").FullName;
        string Copy(string source)
        {
            var target = Path.Combine(staging, Path.GetFileName(source));
            File.Copy(source, target);
            return target;
        }
        var evidence = new CaptureEvidence
        {
            CaptureId = Guid.NewGuid(),
            CameraId = "CAM-QB-09",
            Site = "淇滨大道与黎阳路口",
            Lane = "2",
            TravelDirection = "Away",
            CapturedAt = DateTimeOffset.UtcNow.AddMinutes(-3),
            VehicleClass = "Heavy",
            SmokeScore = 0.95,
            RingelmannLevel = 3,
            Plate = plate,
            PlateConfidence = 0.71,
            PlateColour = "yellow",
            PlateSource = PlateSources.Vision,
            Files =
            [
                new(EvidenceKinds.Clip, Copy(SampleMedia.Clip), "video/mp4"),
                new(EvidenceKinds.Vehicle, Copy(SampleMedia.Still("vehicle")), "image/jpeg"),
                new(EvidenceKinds.Smoke, Copy(SampleMedia.Still("smoke")), "image/jpeg"),
                new(EvidenceKinds.Plate, Copy(SampleMedia.Still("plate")), "image/jpeg"),
            ],
        };
        await browser.Server.Services.GetRequiredService<ICaptureSink>().AcceptAsync(evidence, CancellationToken.None);
        return evidence.CaptureId;
    }

    [Fact]
    public async Task An_operator_corrects_a_misread_plate_confirms_the_capture_and_the_vehicle_is_listed()
    {
        const string misread = "豫F8834B", actual = "豫F88348";
        var id = await CaptureAsync(misread);
        await browser.CreateAccountAsync("operator.review", "operator");
        var page = await browser.SignedInAsync("operator.review", "operator");

        await page.Locator($"li[data-capture-id='{id}'] button").ClickAsync();
        await Assertions.Expect(page.Locator("#c-level")).ToContainTextAsync("林格曼 3");
        await Assertions.Expect(page.Locator("#c-frames img")).ToHaveCountAsync(3);
        Assert.True(await page.Locator("#c-clip").EvaluateAsync<bool>("v => new Promise(r => { if (v.readyState >= 1) r(true); v.onloadedmetadata = () => r(true); v.onerror = () => r(false); })"),
            "the clip plays in the browser");

        // A corrected plate needs its reason, next to the field; with it, the capture is confirmed.
        await page.FillAsync("#c-plate-input", actual);
        await page.ClickAsync("#c-confirm");
        await Assertions.Expect(page.Locator("#c-reason-error")).ToHaveTextAsync("修改号牌或颜色须说明原因");
        await page.FillAsync("#c-reason", "8 识别为 B，对照号牌特写更正");
        await page.ClickAsync("#c-confirm");
        await Assertions.Expect(page.Locator("#capture")).ToHaveAttributeAsync("data-state", "confirmed");
        await Assertions.Expect(page.Locator($"li[data-capture-id='{id}']")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "operator-review");

        await Eventually.TrueAsync(() => browser.Api.IsListedAsync(actual), TimeSpan.FromSeconds(15), $"{actual} listed for black smoke");
        Assert.False(await browser.Api.IsListedAsync(misread));

        // The police see the capture's pictures and clip behind the hit.
        await browser.CreateAccountAsync("police.evidence", "police");
        var police = await browser.SignedInAsync("police.evidence", "police");
        var hit = police.Locator($"tr[data-plate='{actual}']");
        await hit.Locator("button[data-i18n='evidence']").ClickAsync();
        var pictures = police.Locator(".evidence-row img");
        await Assertions.Expect(pictures).ToHaveCountAsync(3);
        await Assertions.Expect(police.Locator(".evidence-row video")).ToHaveCountAsync(1);
        await police.WaitForFunctionAsync("() => [...document.querySelectorAll('.evidence-row img')].every(i => i.complete && i.naturalWidth > 0)");
        await Browser.ScreenshotAsync(police, "police-evidence");
    }
}
