using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.FunctionalTests;

/// <summary>
/// Operators add, edit and remove cameras over the API the cameras page uses: stored in the database (a restarted
/// server runs the same cameras), audited, credentials never shown, edits from an old copy refused. The camera host is
/// off here (no ffmpeg); the browser test starts a camera added on the page against a real RTSP stream.
/// </summary>
public sealed class CameraSetupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mobilesource-cameras-").FullName;

    /// <summary>A server on this test's own database file, which outlives the server.</summary>
    private ServerFactory NewServer() => new(new Dictionary<string, string>
    {
        ["ConnectionStrings:MobileSource"] = $"Data Source={Path.Combine(_folder, "mobilesource.db")}",
    });

    private static readonly object Hikvision = new
    {
        id = "QB-07",
        source = "rtsp://admin:s3cret-Pass@192.0.2.64:554/Streaming/Channels/101",
        site = "淇滨大道与黎阳路口",
        lane = "2",
        travelDirection = "Toward",
        detectWidth = 1280,
        detectHeight = 720,
        detectFps = 8,
        enabled = true,
        record = true,
    };

    [Fact]
    public async Task A_camera_added_and_edited_is_stored_audited_without_its_password_and_runs_again_after_a_restart()
    {
        using (var server = NewServer())
        {
            var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);
            var operatorClient = api.Client("operator");

            var added = await operatorClient.PostAsJsonAsync("/api/cameras", Hikvision);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            using var view = await ApiDriver.ReadJsonAsync(added);
            Assert.Equal("rtsp://***@192.0.2.64:554/Streaming/Channels/101", view.RootElement.GetProperty("source").GetString());
            var version = view.RootElement.GetProperty("version").GetInt32();
            // An officer covering this camera keeps it when its site (part of the place's name) is edited.
            Assert.Equal(HttpStatusCode.Created, (await api.Admin.PostAsJsonAsync("/api/accounts",
                new { userName = "police.qb07", displayName = "淇滨卡口", role = "police", password = "correct-horse-7" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.Admin.PutAsJsonAsync("/api/accounts/police.qb07/checkpoints",
                new { places = new[] { "camera QB-07 at 淇滨大道与黎阳路口" } })).StatusCode);

            var statuses = await operatorClient.GetFromJsonAsync<JsonElement>("/api/cameras");
            var listed = statuses.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "QB-07");
            Assert.Equal("淇滨大道与黎阳路口", listed.GetProperty("site").GetString());
            Assert.DoesNotContain("s3cret", statuses.GetRawText());

            // The form sends the source back as shown: the stored address keeps its password.
            var edited = await operatorClient.PutAsJsonAsync("/api/cameras/QB-07", new
            {
                source = "rtsp://***@192.0.2.64:554/Streaming/Channels/101", site = "淇滨大道（东向西）", detectFps = 10.0, version,
            });
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            using var after = await ApiDriver.ReadJsonAsync(edited);
            Assert.Equal(version + 1, after.RootElement.GetProperty("version").GetInt32());
            Assert.Equal("2", after.RootElement.GetProperty("lane").GetString()); // left out: kept

            // A second operator still holding the first version is told, not silently overwritten.
            var stale = await operatorClient.PutAsJsonAsync("/api/cameras/QB-07", new { site = "旧的", version });
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
            var row = await db.Cameras.SingleAsync(c => c.Id == "QB-07");
            Assert.Equal("rtsp://admin:s3cret-Pass@192.0.2.64:554/Streaming/Channels/101", row.Source);
            var audit = await db.Audit.Where(a => a.Subject == "QB-07").OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["camera.added", "camera.changed"], audit.Select(a => a.Action));
            Assert.All(audit, a => Assert.DoesNotContain("s3cret", a.Detail));
            Assert.Contains("site 淇滨大道（东向西）", audit[1].Detail);
            Assert.Contains("detect 1280x720@10", audit[1].Detail);

            var officer = (await api.Admin.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray()
                .Single(a => a.GetProperty("userName").GetString() == "police.qb07");
            Assert.Equal(["camera QB-07 at 淇滨大道（东向西）"], officer.GetProperty("checkpoints").EnumerateArray().Select(p => p.GetString()));

            // Removing the configured camera: it must not come back from configuration at the next start. An administrator
            // (not an operator) may then give a file on the server as a camera's source, here under the old id re-cased.
            Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync("/api/cameras/sim-1")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/api/cameras/sim-1")).StatusCode);
            var file = new { id = "SIM-1", source = "data/sim-camera/video.mp4", site = "G107 回放", lane = "1" };
            Assert.Equal(HttpStatusCode.BadRequest, (await operatorClient.PostAsJsonAsync("/api/cameras", file)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await api.Admin.PostAsJsonAsync("/api/cameras", file)).StatusCode);
        }

        using var restarted = NewServer();
        var again = new ApiDriver(() => restarted.CreateClient(), ServerFactory.AdminKey).Client("operator");
        var cameras = await again.GetFromJsonAsync<JsonElement>("/api/cameras");
        Assert.Equal(["QB-07", "SIM-1"], cameras.EnumerateArray().Select(c => c.GetProperty("id").GetString()).Order());
        Assert.Equal("G107 回放", cameras.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "SIM-1").GetProperty("site").GetString());
        var settings = await again.GetFromJsonAsync<JsonElement>("/api/cameras/QB-07/settings");
        Assert.Equal("淇滨大道（东向西）", settings.GetProperty("site").GetString());
        Assert.Equal(10.0, settings.GetProperty("detectFps").GetDouble());
        Assert.Equal("Toward", settings.GetProperty("travelDirection").GetString());
    }

    [Fact]
    public async Task A_bad_camera_is_refused_field_by_field_in_the_readers_language_and_only_operators_may_change_cameras()
    {
        using var server = NewServer();
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);
        var operatorClient = api.Client("operator");

        var bad = await operatorClient.PostAsJsonAsync("/api/cameras", new
        {
            id = "QB 07", source = "/etc/passwd", detectWidth = 1281, detectFps = 0, travelDirection = "sideways",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await ApiDriver.ReadJsonAsync(bad)).RootElement.GetProperty("errors");
        Assert.Equal(["detectFps", "detectWidth", "id", "lane", "site", "source", "travelDirection"],
            errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("network stream", errors.GetProperty("source")[0].GetString());

        var duplicate = await operatorClient.PostAsJsonAsync("/api/cameras", new { id = "SIM-1", source = "rtsp://192.0.2.9/live", site = "x", lane = "1" });
        Assert.Equal("camera SIM-1 exists already",
            (await ApiDriver.ReadJsonAsync(duplicate)).RootElement.GetProperty("errors").GetProperty("id")[0].GetString());

        // The consoles ask for Chinese with their language cookie.
        using var chinese = new HttpRequestMessage(HttpMethod.Post, "/api/cameras")
        {
            Content = JsonContent.Create(new { id = "QB-08", source = "/var/video.mp4", detectHeight = 17 }),
        };
        chinese.Headers.Add("Cookie", "lang=zh");
        var inChinese = (await ApiDriver.ReadJsonAsync(await operatorClient.SendAsync(chinese))).RootElement.GetProperty("errors");
        Assert.Equal("操作员只能添加网络视频流（rtsp://、rtsps://、http://、https://）；服务器上的文件须由管理员设置", inChinese.GetProperty("source")[0].GetString());
        Assert.Equal("检测高度 17 应为 16 到 4320 之间的偶数", inChinese.GetProperty("detectHeight")[0].GetString());
        using var duplicateInChinese = new HttpRequestMessage(HttpMethod.Post, "/api/cameras") { Content = JsonContent.Create(new { id = "sim-1", source = "rtsp://192.0.2.9/x", site = "x", lane = "1" }) };
        duplicateInChinese.Headers.Add("Cookie", "lang=zh");
        Assert.Equal("摄像机 sim-1 已存在", (await ApiDriver.ReadJsonAsync(await operatorClient.SendAsync(duplicateInChinese)))
            .RootElement.GetProperty("errors").GetProperty("id")[0].GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await api.Client("police").PostAsJsonAsync("/api/cameras", Hikvision)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Client("bureau-analyst").DeleteAsync("/api/cameras/sim-1")).StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the OS cleans its temp folder.
        }
    }
}
