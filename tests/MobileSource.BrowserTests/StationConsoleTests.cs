using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MobileSource.BrowserTests;

/// <summary>The repair and inspection stations' console in a real browser: the closed loop from listed to delisted.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StationConsoleTests(Browser browser)
{
    private const string Plate = "豫F77352";

    private async Task<IPage> SignedInAtStationAsync(string userName, string role)
    {
        await browser.CreateAccountAsync(userName, role);
        var page = await browser.SignedInAsync(userName, "station");
        await page.FillAsync("#plate", Plate);
        await page.SelectOptionAsync("#colour", "yellow");
        await page.ClickAsync("#lookup button[type=submit]");
        return page;
    }

    [Fact]
    public async Task A_station_checks_a_listed_plate_records_the_repair_and_the_test_and_sees_it_delisted()
    {
        await EnforcementFlow.ListTruckAsync(browser.Api, Plate, "LFWSRXRJ5HAB77352");

        // The repair station: listed, no re-test before the repair; it records the repair.
        var repair = await SignedInAtStationAsync("repair.browser", "repair-station");
        await Assertions.Expect(repair.Locator("#v-listed")).ToHaveTextAsync("已列入黑名单");
        await Assertions.Expect(repair.Locator("#v-cases")).ToContainTextAsync("遥感检测超标");
        await Assertions.Expect(repair.Locator(".retest-refused")).ToBeVisibleAsync();
        Assert.False(await repair.Locator("#test").IsVisibleAsync()); // testing is the inspection station's work
        await repair.FillAsync("#r-items", "更换 DPF，清洗 EGR");
        await repair.ClickAsync("#repair button[type=submit]");
        await Assertions.Expect(repair.Locator("#v-result")).ToHaveTextAsync("维修已登记");
        await Assertions.Expect(repair.Locator("#v-repairs")).ToContainTextAsync("更换 DPF、清洗 EGR");
        await Assertions.Expect(repair.Locator(".retest-allowed")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(repair, "station-repair");

        // The inspection station: re-test allowed; a bad value is told next to its field; the pass delists.
        var inspection = await SignedInAtStationAsync("inspection.browser", "inspection-station");
        await Assertions.Expect(inspection.Locator(".retest-allowed")).ToBeVisibleAsync();
        await Assertions.Expect(inspection.Locator("#t-obdMilOn option")).ToHaveCountAsync(3); // not checked / yes / no
        await inspection.SelectOptionAsync("#t-method", "FreeAcceleration");
        await inspection.ClickAsync("#test button[type=submit]");
        // The server's message, in the page's language.
        await Assertions.Expect(inspection.Locator("#t-smokeK-error")).ToHaveTextAsync("自由加速法须填写“烟度 k 值”");
        await inspection.FillAsync("#t-smokeK", "0.4");
        await inspection.ClickAsync("#test button[type=submit]");
        await Assertions.Expect(inspection.Locator("#v-result")).ToContainTextAsync("检验合格");
        await Assertions.Expect(inspection.Locator("#v-result")).ToContainTextAsync("已移出黑名单");
        await Assertions.Expect(inspection.Locator("#v-listed")).ToHaveTextAsync("未列入黑名单");
        await Browser.ScreenshotAsync(inspection, "station-inspection");
        Assert.False(await browser.Api.IsListedAsync(Plate));

        // Both decisions are audited with who made them and from where.
        await using var scope = browser.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var trail = await db.Audit.Where(a => a.Subject == Plate).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["repair.recorded", "inspection.recorded-and-delisted"], trail.Select(a => a.Action));
        Assert.Equal(["repair.browser", "inspection.browser"], trail.Select(a => a.Actor));
        Assert.All(trail, a => Assert.Equal("127.0.0.1", a.RemoteAddress));
    }
}
