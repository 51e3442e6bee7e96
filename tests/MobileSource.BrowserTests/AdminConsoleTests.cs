using System.Net.Http.Json;
using Microsoft.Playwright;

namespace MobileSource.BrowserTests;

/// <summary>The administrator's page: accounts, lockouts, API keys and the audit trail.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminConsoleTests(Browser browser, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task An_admin_creates_an_account_unlocks_a_locked_one_issues_a_key_and_reads_the_audit()
    {
        await browser.CreateAccountAsync("admin.browser", "admin");
        await browser.CreateAccountAsync("locked.person", "police");
        var anonymous = browser.Server.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/account/sign-in", new { userName = "locked.person", password = $"wrong-{i}-password" });
        }
        var page = await browser.NewPageAsync();
        page.Console += (_, m) => output.WriteLine($"console {m.Type}: {m.Text}");
        page.PageError += (_, e) => output.WriteLine($"page error: {e}");
        await page.GotoAsync("/");
        await Browser.SignInAsync(page, "admin.browser");
        await page.WaitForURLAsync("**/admin");

        // A weak password is refused next to its field; a good one creates the account.
        await page.FillAsync("#a-userName", "station.new");
        await page.FillAsync("#a-displayName", "淇县检测站");
        await page.SelectOptionAsync("#a-role", "inspection-station");
        await page.FillAsync("#a-password", "short");
        await page.ClickAsync("#account button[type=submit]");
        await Assertions.Expect(page.Locator("#a-password-error")).Not.ToBeEmptyAsync();
        await page.FillAsync("#a-password", Browser.Password);
        await page.ClickAsync("#account button[type=submit]");
        await Assertions.Expect(page.Locator("#account-result")).ToContainTextAsync("station.new",
            new() { Timeout = 5000 });
        await Assertions.Expect(page.Locator("tr[data-user='station.new']")).ToContainTextAsync("淇县检测站");

        var locked = page.Locator("tr[data-user='locked.person']");
        await Assertions.Expect(locked).ToHaveAttributeAsync("data-locked", "true");
        await locked.Locator("button[data-action='unlock']").ClickAsync();
        await Assertions.Expect(locked).ToHaveAttributeAsync("data-locked", "false");

        await page.FillAsync("#k-name", "RSD unit 12");
        await page.SelectOptionAsync("#k-role", "device");
        await page.ClickAsync("#key button[type=submit]");
        await Assertions.Expect(page.Locator("#key-result")).ToContainTextAsync("msk_");
        await Assertions.Expect(page.Locator("tr[data-key='RSD unit 12']")).ToBeVisibleAsync();

        // Each decision is in the trail with who made it and from where.
        var audit = page.Locator("#audit");
        await Assertions.Expect(audit).ToContainTextAsync("api-key.issued");
        await Assertions.Expect(audit.Locator("tr", new() { HasText = "account.unlocked" })).ToContainTextAsync("admin.browser");
        await Assertions.Expect(audit.Locator("tr", new() { HasText = "account.unlocked" })).ToContainTextAsync("127.0.0.1");
        await Browser.ScreenshotAsync(page, "admin");
    }

    [Fact]
    public async Task An_admin_gives_an_officer_a_checkpoint_and_the_officers_board_shows_only_hits_there()
    {
        await EnforcementFlow.ListTruckAsync(browser.Api, "豫F77391", "LFWSRXRJ5HAB77391", "HB-RS-971");
        await EnforcementFlow.ListTruckAsync(browser.Api, "豫F77392", "LFWSRXRJ5HAB77392", "HB-RS-972");
        await browser.CreateAccountAsync("admin.places", "admin");
        await browser.CreateAccountAsync("police.assigned", "police");
        var admin = await browser.SignedInAsync("admin.places", "admin");
        var officerRow = admin.Locator("tr[data-user='police.assigned']");
        await Assertions.Expect(officerRow).ToContainTextAsync("全部地点");
        await officerRow.Locator("button[data-action='setCheckpoints']").ClickAsync();
        await admin.Locator("#checkpoint-places label", new() { HasText = "遥感监测点 HB-RS-971" }).Locator("input").CheckAsync();
        await admin.ClickAsync("#cp-save");
        await Assertions.Expect(officerRow).ToContainTextAsync("遥感监测点 HB-RS-971");
        await Assertions.Expect(admin.Locator("#audit tr", new() { HasText = "account.checkpoints" }).First).ToContainTextAsync("admin.places");

        var board = await browser.SignedInAsync("police.assigned", "police");
        await Assertions.Expect(board.Locator("#assigned")).ToHaveTextAsync("负责卡口：遥感监测点 HB-RS-971");
        await Assertions.Expect(board.Locator("tr[data-plate='豫F77391']")).ToBeVisibleAsync();
        await Assertions.Expect(board.Locator("#quota")).ToContainTextAsync("今日在负责卡口路检");
        await Assertions.Expect(board.Locator("tr[data-plate='豫F77392']")).ToHaveCountAsync(0); // never sent to this officer
        await Browser.ScreenshotAsync(board, "police-assigned-checkpoint");
    }
}
