using Microsoft.Playwright;

namespace MobileSource.BrowserTests;

/// <summary>The bureau's dashboard in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BureauConsoleTests(Browser browser)
{
    [Fact]
    public async Task A_bureau_analyst_sees_the_dashboard_with_the_days_readings_and_rates_as_charts()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        using (await browser.Api.PostReadingsAsync(
                   Records.Diesel("BUREAU-1", "豫F77361", at, noPpm: 1850, site: "HB-RS-921"),
                   Records.Diesel("BUREAU-2", "豫F77362", at.AddMinutes(3), noPpm: 350, site: "HB-RS-921")))
        {
        }
        await browser.CreateAccountAsync("bureau.browser", "bureau-analyst");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Browser.SignInAsync(page, "bureau.browser");
        await page.WaitForURLAsync("**/bureau");

        await Assertions.Expect(page.Locator("main")).ToHaveAttributeAsync("data-loaded", "true");
        var site = page.Locator("tr[data-site='HB-RS-921']");
        await Assertions.Expect(site).ToContainTextAsync("50.0 %");
        Assert.True(await page.Locator("#chart-readings svg rect").CountAsync() >= 30, "a bar per day of the last 30");
        Assert.True(await page.Locator("#chart-readings svg polyline").CountAsync() == 1, "the over-limit rate line");
        await Assertions.Expect(page.Locator("#k-roadside")).ToContainTextAsync("%");
        await Browser.ScreenshotAsync(page, "bureau-dashboard");

        // A span the wrong way round is refused next to its field.
        await page.FillAsync("#from", "2026-12-31");
        await page.FillAsync("#to", "2026-01-01");
        await page.ClickAsync("#span button[type=submit]");
        await Assertions.Expect(page.Locator("#from-error")).Not.ToBeEmptyAsync();

        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bureau dashboard");
    }
}
