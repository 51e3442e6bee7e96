using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.FunctionalTests;

/// <summary>People's accounts: password sign-in with a session cookie, roles, lockout, and the audit of every attempt.</summary>
[Collection(ServerCollection.Name)]
public sealed class AccountTests(ServerFixture server)
{
    private const string Password = "correct-horse-7";

    private async Task CreateAsync(string userName, string role)
    {
        var response = await server.Api.Client("admin").PostAsJsonAsync("/api/accounts",
            new { userName, displayName = $"测试 {userName}", role, password = Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>A browser of its own: its own cookie jar, no API key.</summary>
    private HttpClient Browser() => server.Factory.CreateClient();

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password) =>
        browser.PostAsJsonAsync("/account/sign-in", new { userName, password });

    [Fact]
    public async Task A_person_signs_in_with_a_password_and_their_role_decides_what_they_may_call()
    {
        await CreateAsync("police.qibin", "police");
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/alerts")).StatusCode);

        var signIn = await SignInAsync(browser, "police.qibin", Password);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using (var body = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()))
        {
            Assert.Equal(("police.qibin", "police"), (body.RootElement.GetProperty("userName").GetString(), body.RootElement.GetProperty("role").GetString()));
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/alerts")).StatusCode);
        // Another role's work: the registry import (operator) and the accounts (admin).
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync("/api/registry/import", new StringContent("hphm\n", System.Text.Encoding.UTF8, "text/csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/accounts")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/account/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/alerts")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_until_an_admin_unlocks_it()
    {
        await CreateAsync("station.lock", "inspection-station");
        var browser = Browser();
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(browser, "station.lock", $"wrong-{i}-password")).StatusCode);
        }
        var fifth = await SignInAsync(browser, "station.lock", "wrong-5-password");
        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);
        Assert.Contains("locked until", await fifth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Locked, (await SignInAsync(browser, "station.lock", Password)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await server.Api.Client("admin").PostAsync("/api/accounts/station.lock/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(browser, "station.lock", Password)).StatusCode);

        await using var scope = server.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var trail = await db.Audit.Where(a => a.Subject == "station.lock").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(
        [
            "account.created", "account.sign-in-failed", "account.sign-in-failed", "account.sign-in-failed", "account.sign-in-failed",
            "account.locked-out", "account.sign-in-refused", "account.unlocked", "account.signed-in",
        ], trail);
    }

    [Fact]
    public async Task An_unknown_user_name_is_answered_as_a_real_one_is_even_when_it_locks()
    {
        // Wrong passwords on a real account and on a name no account has: the same answers, try by try.
        await CreateAsync("real.person", "operator");
        var browser = Browser();
        for (var i = 1; i <= 5; i++)
        {
            var real = await SignInAsync(browser, "real.person", $"wrong-{i}-password");
            var unknown = await SignInAsync(browser, "nobody.here", $"wrong-{i}-password");
            Assert.Equal(real.StatusCode, unknown.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Locked, (await SignInAsync(browser, "nobody.here", Password)).StatusCode);
    }

    [Fact]
    public async Task A_user_name_typed_in_another_case_signs_in_as_the_account()
    {
        await CreateAsync("Police.Case", "police");
        var browser = Browser();

        var response = await SignInAsync(browser, "police.case", Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Police.Case", body.RootElement.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task One_address_that_tries_too_many_sign_ins_a_minute_is_slowed_down()
    {
        using var limited = new ServerFactory(new Dictionary<string, string> { ["Accounts:SignInsPerMinutePerAddress"] = "3" });
        var browser = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(browser, $"guess.{i}", Password)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(browser, "guess.4", Password)).StatusCode);
    }

    [Fact]
    public async Task The_admin_lists_accounts_with_their_role_and_lockout()
    {
        await CreateAsync("listed.person", "repair-station");

        var accounts = await server.Api.Client("admin").GetFromJsonAsync<JsonElement>("/api/accounts");

        var person = accounts.EnumerateArray().Single(a => a.GetProperty("userName").GetString() == "listed.person");
        Assert.Equal("repair-station", person.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, person.GetProperty("lockedUntil").ValueKind);
    }

    [Fact]
    public async Task A_bad_account_is_refused_naming_each_field_and_only_an_admin_may_create_one()
    {
        var bad = await server.Api.Client("admin").PostAsJsonAsync("/api/accounts",
            new { userName = "x", displayName = "", role = "device", password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["displayName", "password", "role", "userName"], fields);

        var byOperator = await server.Api.Client("operator").PostAsJsonAsync("/api/accounts",
            new { userName = "sneaky.one", displayName = "x", role = "admin", password = Password });
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
    }
}
