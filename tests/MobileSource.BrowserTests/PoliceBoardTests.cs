using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MobileSource.BrowserTests;

/// <summary>The traffic police's live board in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PoliceBoardTests(Browser browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_police_see_a_new_hit_within_a_second_of_its_listing_and_record_the_interception()
    {
        const string plate = "豫F77341";
        await browser.CreateAccountAsync("police.board", "police");
        var page = await browser.SignedInAsync("police.board", "police");
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("实时连接"); // the event stream is open

        // Two over-limit readings of a registered diesel truck list it; the listing reaches the board by itself.
        await EnforcementFlow.ReportTwoFailuresAsync(browser.Api, plate, "LFWSRXRJ5HAB77341");

        var row = page.Locator($"tr[data-plate='{plate}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("豫F·77341");
        await Assertions.Expect(row).ToContainTextAsync("黄");
        await Assertions.Expect(row).ToContainTextAsync("遥感检测超标");
        await Assertions.Expect(row.Locator(".plate.yellow")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#banner")).ToContainTextAsync("豫F·77341");
        await Browser.ScreenshotAsync(page, "police-board");

        var shownAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((await row.First.GetAttributeAsync("data-shown-at"))!));
        using var status = await browser.Api.BlacklistAsync(plate);
        var listedAt = status.RootElement.GetProperty("entries")[0].GetProperty("listedAt").GetDateTimeOffset();
        output.WriteLine($"listed {listedAt:HH:mm:ss.fff}, on the board {shownAt:HH:mm:ss.fff}: {(shownAt - listedAt).TotalMilliseconds:0} ms");
        Assert.True(shownAt - listedAt < TimeSpan.FromSeconds(1), $"listed {listedAt:HH:mm:ss.fff}, shown {shownAt:HH:mm:ss.fff}");

        await Assertions.Expect(page.Locator("#quota")).ToContainTextAsync("今日路检");
        var quotaBefore = await page.Locator("#quota").TextContentAsync();

        // The interception: a fine out of range is refused next to its field, then the failed check is penalised.
        await row.Locator("button[data-i18n='intercept']").ClickAsync();
        await page.FillAsync("#f-smokeK", "2.5");
        await page.CheckAsync("input[name=decision][value=penalty]");
        await page.FillAsync("#f-fineYuan", "500");
        await page.ClickAsync("#intercept-save");
        await Assertions.Expect(page.Locator("#f-fineYuan-error")).ToHaveTextAsync("6063 罚款为 20-200 元（0 或不填为警告）");
        await Browser.ScreenshotAsync(page, "police-interception");
        await page.FillAsync("#f-fineYuan", "100");
        await page.ClickAsync("#intercept-save");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-outcome", "failed:Penalty");
        await Assertions.Expect(row).ToContainTextAsync("已处罚 6063 100 元");
        await Assertions.Expect(page.Locator("#quota")).ToContainTextAsync("今日路检");
        await Assertions.Expect(page.Locator("#quota")).Not.ToHaveTextAsync(quotaBefore!); // refreshed: one more check today

        // The failed check is a violation of its own: the core opens a case for it.
        await Eventually.TrueAsync(async () =>
        {
            using var again = await browser.Api.BlacklistAsync(plate);
            return again.RootElement.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("reason").GetString() == "RoadsideCheckFailed");
        }, TimeSpan.FromSeconds(15), $"{plate} listed for the failed roadside check");

        // A further failing reading elsewhere is a sighting: it joins the vehicle's row instead of adding one.
        // First every alert so far is on the board: the failed check's own listing joined the row too.
        var hits = 0;
        await Eventually.TrueAsync(async () =>
        {
            var alerts = await EnforcementFlow.AlertsForAsync(browser.Api, plate);
            hits = alerts.Count;
            return alerts.Count(a => a.GetProperty("reason").GetString() == "RoadsideCheckFailed") == 1;
        }, TimeSpan.FromSeconds(15), "the failed check's listing alerted");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-hits", $"{hits}");
        using (await browser.Api.PostReadingsAsync(Records.Diesel("BOARD-3", plate, DateTimeOffset.UtcNow.AddMinutes(-1), noPpm: 1900, site: "HB-RS-002")))
        {
        }
        await Assertions.Expect(row).ToHaveAttributeAsync("data-hits", $"{hits + 1}", new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync($"×{hits + 1}");
        await Assertions.Expect(page.Locator($"tr[data-plate='{plate}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_officer_keeps_the_board_to_their_checkpoints_and_the_choice_stays_with_the_browser()
    {
        await EnforcementFlow.ListTruckAsync(browser.Api, "豫F77381", "LFWSRXRJ5HAB77381", "HB-RS-961");
        await EnforcementFlow.ListTruckAsync(browser.Api, "豫F77382", "LFWSRXRJ5HAB77382", "HB-RS-962");
        await browser.CreateAccountAsync("police.checkpoint", "police");
        var page = await browser.SignedInAsync("police.checkpoint", "police");
        var mine = page.Locator("tr[data-plate='豫F77381']");
        var other = page.Locator("tr[data-plate='豫F77382']");
        await Assertions.Expect(mine).ToBeVisibleAsync();
        await Assertions.Expect(other).ToBeVisibleAsync();

        await page.ClickAsync("#places summary");
        await page.Locator("#place-list label", new() { HasText = "HB-RS-961" }).Locator("input").CheckAsync();
        await Assertions.Expect(other).ToBeHiddenAsync();
        await Assertions.Expect(mine).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("tr[data-plate='豫F77381']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-plate='豫F77382']")).ToBeHiddenAsync();

        // A saved checkpoint with no hit today: the board says it shows nothing, and the checkpoint can be unticked.
        await page.EvaluateAsync("localStorage.setItem('checkpoints', JSON.stringify(['no hits here']))");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#empty")).ToBeVisibleAsync();
        await page.ClickAsync("#places summary");
        await page.Locator("#place-list label", new() { HasText = "no hits here" }).Locator("input").UncheckAsync();
        await Assertions.Expect(page.Locator("tr[data-plate='豫F77382']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#empty")).ToBeHiddenAsync();
    }
}
