using Microsoft.Playwright;

namespace MobileSource.BrowserTests;

/// <summary>The sign-in page: messages next to the field, lockout, and each role kept to its own pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(Browser browser)
{
    [Fact]
    public async Task Missing_fields_and_wrong_passwords_are_told_next_to_the_field_until_the_account_locks()
    {
        await browser.CreateAccountAsync("station.browser", "inspection-station");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#userName-error")).ToHaveTextAsync("必填");
        await Assertions.Expect(page.Locator("#userName")).ToHaveAttributeAsync("aria-invalid", "true");

        for (var i = 1; i <= 4; i++)
        {
            await Browser.SignInAsync(page, "station.browser", $"wrong-{i}-password");
            await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("用户名或密码错误");
        }
        await Browser.SignInAsync(page, "station.browser", "wrong-5-password");
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("账户已锁定");
        await Browser.ScreenshotAsync(page, "sign-in-locked");

        // The right password does not open a locked account; in English the same message reads in English.
        await Browser.SignInAsync(page, "station.browser");
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("账户已锁定");
        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("the account is locked until");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task A_role_is_kept_out_of_another_roles_console_and_a_visitor_is_asked_to_sign_in_first()
    {
        await browser.CreateAccountAsync("operator.browser", "operator");
        await browser.CreateAccountAsync("police.next", "police");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/police");
        Assert.Equal("/", new Uri(visitor.Url).AbsolutePath); // not signed in: the sign-in page, then the page asked for
        await Browser.SignInAsync(visitor, "police.next");
        await visitor.WaitForURLAsync("**/police");

        var page = await browser.NewPageAsync("en");
        await page.GotoAsync("/");
        await Browser.SignInAsync(page, "operator.browser");
        await page.WaitForURLAsync("**/operator");
        await page.GotoAsync("/police");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync("Your role may not open that page: /police");
    }
}
