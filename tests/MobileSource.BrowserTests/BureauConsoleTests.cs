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
        var page = await browser.SignedInAsync("bureau.browser", "bureau");

        await Assertions.Expect(page.Locator("main")).ToHaveAttributeAsync("data-loaded", "true");
        var site = page.Locator("tr[data-site='HB-RS-921']");
        await Assertions.Expect(site).ToContainTextAsync("50.0 %");
        Assert.True(await page.Locator("#chart-readings svg rect").CountAsync() >= 30, "a bar per day of the last 30");
        Assert.True(await page.Locator("#chart-readings svg rect").EvaluateAllAsync<bool>("bars => bars.some(b => Number(b.getAttribute('height')) > 0)"),
            "the readings drawn as bars of some height");
        Assert.True(await page.Locator("#chart-readings svg polyline").CountAsync() == 1, "the over-limit rate line");
        await Assertions.Expect(page.Locator("#k-roadside")).ToContainTextAsync("%");
        await Browser.ScreenshotAsync(page, "bureau-dashboard");

        // A span the wrong way round is refused next to its field.
        await page.FillAsync("#from", "2026-12-31");
        await page.FillAsync("#to", "2026-01-01");
        await page.ClickAsync("#span button[type=submit]");
        await Assertions.Expect(page.Locator("#from-error")).ToHaveTextAsync("起始日期不能晚于截止日期，且最多早 366 天");

        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bureau dashboard");
    }

    [Fact]
    public async Task A_bureau_analyst_imports_the_registry_with_progress_finds_a_listed_truck_and_exports_the_list()
    {
        const string plate = "豫F77364";
        var file = Path.Combine(Directory.CreateTempSubdirectory("mobilesource-registry-").FullName, "registry.csv");
        await File.WriteAllTextAsync(file, RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LFWSRXRJ5HAB77364"), "NOT-A-PLATE,黄,01,LFWSRXRJ5HAB77365,B,国III,X,B,2015-01-01,某某"));
        await browser.CreateAccountAsync("bureau.tools", "bureau-analyst");
        var page = await browser.SignedInAsync("bureau.tools", "bureau");

        await page.SetInputFilesAsync("#registry-file", file);
        await page.ClickAsync("#import button[type=submit]");
        await Assertions.Expect(page.Locator("#import")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(page.Locator("#imported")).ToContainTextAsync("拒绝 1");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#rejected-download"));
        var rejected = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("hphm", rejected); // the rejected row names its field

        var t0 = DateTimeOffset.UtcNow.AddDays(-3);
        using (await browser.Api.PostReadingsAsync(Records.Diesel("TOOLS-1", plate, t0, noPpm: 1820), Records.Diesel("TOOLS-2", plate, t0.AddDays(1), noPpm: 1750)))
        {
        }
        await Eventually.TrueAsync(() => browser.Api.IsListedAsync(plate), TimeSpan.FromSeconds(30), $"{plate} listed");

        await page.FillAsync("#q", "77364");
        await page.ClickAsync("#search button[type=submit]");
        await Assertions.Expect(page.Locator("#blacklist tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#blacklist")).ToContainTextAsync("豫F·77364");
        var export = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        var csv = await File.ReadAllTextAsync((await export.PathAsync())!);
        Assert.StartsWith("\uFEFFplate,plate_colour,reason", csv);
        Assert.Contains("豫F·77364,yellow,RemoteSensingOverLimit", csv);
        Assert.Equal(2, csv.Trim().Split('\n').Length); // the header and the one entry searched for
        await Browser.ScreenshotAsync(page, "bureau-tools");
    }

    [Fact]
    public async Task The_monthly_report_summarises_the_month_on_one_printable_page()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        using (await browser.Api.PostReadingsAsync(Records.Diesel("REPORT-1", "豫F77371", at, noPpm: 1850, site: "HB-RS-951")))
        {
        }
        await browser.CreateAccountAsync("bureau.report", "bureau-analyst");
        var page = await browser.SignedInAsync("bureau.report", "bureau");
        await page.ClickAsync("a[href='/report']");
        await page.WaitForURLAsync("**/report");

        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        var month = await page.InputValueAsync("#month"); // this month where the browser is
        Assert.Matches(@"^\d{4}-\d{2}$", month);
        await Assertions.Expect(page.Locator("#title")).ToContainTextAsync(month);
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("本月遥感有效检测");
        await Assertions.Expect(page.Locator("#sites")).ToContainTextAsync("HB-RS-951");
        await Browser.ScreenshotAsync(page, "bureau-monthly-report");

        // The page prints: chromium renders it as PDF, without the toolbar.
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 10_000 && System.Text.Encoding.ASCII.GetString(pdf, 0, 5) == "%PDF-", $"a PDF of {pdf.Length} bytes");
    }
}
