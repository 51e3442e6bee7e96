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

    public Task CreateAccountAsync(string userName, string role) => CreateAccountAsync(Api, userName, role);

    /// <summary>An account with <see cref="Password"/> on the server behind <paramref name="api"/>.</summary>
    public static async Task CreateAccountAsync(ApiDriver api, string userName, string role)
    {
        var response = await api.Client("admin").PostAsJsonAsync("/api/accounts",
            new { userName, displayName = $"测试 {userName}", role, password = Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>
    /// Settings for a server of a test's own with one camera (<c>Cameras:0:*</c> from <paramref name="camera"/>), its
    /// recordings and staging in a fresh folder, on a port of the system's choosing (UseKestrel(0) on a factory made by
    /// WithWebHostBuilder kept the default 5000).
    /// </summary>
    public static Dictionary<string, string> CameraServerSettings(IReadOnlyDictionary<string, string> camera)
    {
        var folder = Directory.CreateTempSubdirectory("mobilesource-camera-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["CameraHost:Enabled"] = "true",
            ["CameraHost:RecordingRoot"] = Path.Combine(folder, "recordings"),
            ["CameraHost:StagingRoot"] = Path.Combine(folder, "staging"),
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in camera)
        {
            settings[$"Cameras:0:{key}"] = value;
        }
        return settings;
    }

    /// <summary>Fills and sends the sign-in form of the page at "/".</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = Password)
    {
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>A page of its own signed in as <paramref name="userName"/>, once it has landed on its console.</summary>
    public async Task<IPage> SignedInAsync(string userName, string console, string? baseUrl = null)
    {
        var page = await NewPageAsync(baseUrl ?? BaseUrl, "zh");
        await page.GotoAsync("/");
        await SignInAsync(page, userName);
        await page.WaitForURLAsync($"**/{console}");
        return page;
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
