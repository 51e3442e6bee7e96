using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MobileSource.BrowserTests;

/// <summary>
/// One server on Kestrel (a real port, the embedded default) and one headless Debian chromium for all browser tests;
/// each test opens its own browser context (its own cookies).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>Debian's chromium; MOBILESOURCE_CHROMIUM names another.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("MOBILESOURCE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public ServerFactory Server { get; } = new();
    public ApiDriver Api { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright _playwright = null!;
    private IBrowser _chromium = null!;

    public async Task InitializeAsync()
    {
        Server.UseKestrel(0);
        Server.StartServer();
        BaseUrl = AddressOf(Server.Services);
        Api = new ApiDriver(() => Server.CreateClient(), ServerFactory.AdminKey);
        _playwright = await Playwright.CreateAsync();
        _chromium = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ["--no-sandbox"], Headless = true });
    }

    public Task<IPage> NewPageAsync(string language = "zh") => NewPageAsync(BaseUrl, language);

    /// <summary>A page of a server of the test's own (its base address).</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, string language)
    {
        var context = await _chromium.NewContextAsync(new() { BaseURL = baseUrl, Locale = language == "en" ? "en-US" : "zh-CN" });
        await context.AddInitScriptAsync($"if (!localStorage.getItem('lang')) localStorage.setItem('lang', '{language}')");
        return await context.NewPageAsync();
    }

    /// <summary>Where a started Kestrel-backed factory listens.</summary>
    public static string AddressOf(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");

    public const string Password = "correct-horse-7";

    public async Task CreateAccountAsync(string userName, string role)
    {
        var response = await Api.Client("admin").PostAsJsonAsync("/api/accounts",
            new { userName, displayName = $"测试 {userName}", role, password = Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Fills and sends the sign-in form of the page at "/".</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = Password)
    {
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Writes docs/screenshots/{name}.png when MOBILESOURCE_SCREENSHOTS is set (not in CI).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MOBILESOURCE_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(folder).FullName, $"{name}.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        _playwright.Dispose();
        Server.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
