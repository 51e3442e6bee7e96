using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MobileSource.Server.Startup;
using Microsoft.AspNetCore.Http;

namespace MobileSource.FunctionalTests;

/// <summary>
/// The server answers a person in the console's language: field messages and a test's failures in Chinese when the
/// consoles' cookie asks for it, English otherwise (a device's Accept-Language does not change it); what is recorded
/// stays English.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReaderLanguageTests(ServerFixture server)
{
    private static HttpRequestMessage Post(string url, object body, string? cookie = null, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"lang={cookie}");
        }
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return request;
    }

    private async Task<JsonElement> ErrorsAsync(string role, HttpRequestMessage request)
    {
        var response = await server.Api.Client(role).SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await ApiDriver.ReadJsonAsync(response)).RootElement.GetProperty("errors").Clone();
    }

    [Fact]
    public async Task Field_messages_come_in_the_language_the_console_asks_for()
    {
        var test = new { plate = "豫F1234", plateColour = "紫", station = "鹤壁市机动车检测站 I-03", method = "FreeAcceleration", values = new { }, testedAt = DateTimeOffset.UtcNow };

        var chinese = await ErrorsAsync("inspection-station", Post("/api/inspections", test, cookie: "zh"));
        Assert.Equal("“豫F1234”不是有效号牌：号牌应为 7 或 8 个字符，现为 6 个", chinese.GetProperty("plate")[0].GetString());
        Assert.Equal("“紫”不是号牌颜色", chinese.GetProperty("plateColour")[0].GetString());

        var english = await ErrorsAsync("inspection-station", Post("/api/inspections", test));
        Assert.Equal("'豫F1234' is not a valid plate: plate must be 7 or 8 characters after normalisation, got 6", english.GetProperty("plate")[0].GetString());

        // The cookie the console's toggle sets decides; a device's (or a browser's) Accept-Language does not.
        var toggledToEnglish = await ErrorsAsync("inspection-station", Post("/api/inspections", test, cookie: "en", acceptLanguage: "zh-CN,zh;q=0.9"));
        Assert.StartsWith("'紫' is not a plate colour", toggledToEnglish.GetProperty("plateColour")[0].GetString());
        var deviceInChina = await ErrorsAsync("inspection-station", Post("/api/inspections", test, acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8"));
        Assert.StartsWith("'紫' is not a plate colour", deviceInChina.GetProperty("plateColour")[0].GetString());

        var values = await ErrorsAsync("inspection-station", Post("/api/inspections",
            test with { plate = "豫F7L001", plateColour = "yellow" }, cookie: "zh"));
        Assert.Equal("自由加速法须填写“烟度 k 值”", values.GetProperty("values.smokeK")[0].GetString());

        var roadside = await ErrorsAsync("police", Post("/api/roadside-checks",
            new { plate = "豫F7L001", plateColour = "yellow", checkpoint = "淇滨卡口" }, cookie: "zh"));
        Assert.Equal("请选择处罚（6063）或放行", roadside.GetProperty("decision")[0].GetString());
        Assert.Equal("请填写自由加速烟度 k 值或 OBD 读取结果（或两者）", roadside.GetProperty("smokeK")[0].GetString());

        var account = await ErrorsAsync("admin", Post("/api/accounts",
            new { userName = "x", displayName = "", role = "mayor", password = "short" }, cookie: "zh"));
        Assert.Equal("密码至少 10 个字符", account.GetProperty("password")[0].GetString());
        Assert.Equal("请选择角色", account.GetProperty("role")[0].GetString());
    }

    [Fact]
    public async Task A_failed_test_reads_in_Chinese_to_the_station_and_is_recorded_in_English()
    {
        const string plate = "豫F7L002";
        using (await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LZZ5ELND8JW7L0022"))))
        {
        }
        var response = await server.Api.Client("inspection-station").SendAsync(Post("/api/inspections", new
        {
            plate, plateColour = "yellow", station = "鹤壁市机动车检测站 I-03", method = "FreeAcceleration", values = new { smokeK = 2.5 },
            testedAt = DateTimeOffset.UtcNow,
        }, cookie: "zh"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = (await ApiDriver.ReadJsonAsync(response)).RootElement;
        Assert.False(result.GetProperty("passed").GetBoolean());
        Assert.Equal(["自由加速烟度 k 值 2.5 m⁻¹ 超过限值 1.2 m⁻¹（限值 a）"], result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()));

        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), $"{plate} listed for the failed test");
        using var listing = await server.Api.BlacklistAsync(plate);
        Assert.Contains("free acceleration smoke k 2.5 m-1 is above the limit 1.2 m-1 (limit a)", listing.RootElement.GetRawText());

        // A pass before the required repair is refused, and the station reads why in Chinese.
        var retest = await server.Api.Client("inspection-station").SendAsync(Post("/api/inspections", new
        {
            plate, plateColour = "yellow", station = "鹤壁市机动车检测站 I-03", method = "FreeAcceleration", values = new { smokeK = 0.5 },
            testedAt = DateTimeOffset.UtcNow,
        }, cookie: "zh"));
        var refused = (await ApiDriver.ReadJsonAsync(retest)).RootElement.GetProperty("retestRefused");
        Assert.Equal(["复检前须先登记维修"], refused.EnumerateArray().Select(r => r.GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("zh", null, true)]
    [InlineData("zh", "en-US", true)]
    [InlineData("en", "zh-CN", false)]
    [InlineData(null, "zh-CN,zh;q=0.9", false)]
    [InlineData(null, null, false)]
    [InlineData("fr", null, false)]
    public void Only_the_consoles_cookie_asks_for_Chinese(string? cookie, string? acceptLanguage, bool chinese)
    {
        var context = new DefaultHttpContext();
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"lang={cookie}";
        }
        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }
        Assert.Equal(chinese, ReaderLanguage.WantsChinese(context.Request));
    }
}
