using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace MobileSource.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class RegistryImportTests(ServerFixture server)
{
    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_column_while_the_good_ones_are_imported()
    {
        var csv = RegistryCsv.Of(
            RegistryCsv.DieselTruck("豫F60001", "LFWSRXRJ5HAA60001"),
            "豫F6000,黄,01,LFWSRXRJ5HAA60002,B,国IV,CA4250,F,2015-01-01,某物流公司",      // plate one character short
            "豫F60003,黄,01,LFWSRXRJ5HAA60003,X,国IV,CA4250,F,2015-01-01,某物流公司",     // unknown fuel code
            RegistryCsv.DieselTruck("豫F60004", "LFWSRXRJ5HAA60004"));

        using var body = await server.Api.ImportRegistryAsync(csv);

        var r = body.RootElement;
        Assert.Equal(4, r.GetProperty("rowsRead").GetInt32());
        Assert.Equal(2, r.GetProperty("inserted").GetInt32());
        Assert.Equal(2, r.GetProperty("rejectedCount").GetInt32());
        var rejected = r.GetProperty("rejected").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains((3, "hphm"), rejected);
        Assert.Contains((4, "rlzl"), rejected);
        Assert.Equal(HttpStatusCode.OK, (await server.Api.Client("police").GetAsync($"/api/vehicles/{Uri.EscapeDataString("豫F60004")}")).StatusCode);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_row_is_an_update()
    {
        var original = RegistryCsv.Of(RegistryCsv.DieselTruck("豫F61001", "LFWSRXRJ5HAA61001"), RegistryCsv.DieselTruck("豫F61002", "LFWSRXRJ5HAA61002"));
        using (await server.Api.ImportRegistryAsync(original))
        {
        }
        using (var again = await server.Api.ImportRegistryAsync(original))
        {
            Assert.Equal(2, again.RootElement.GetProperty("unchanged").GetInt32());
            Assert.Equal(0, again.RootElement.GetProperty("inserted").GetInt32() + again.RootElement.GetProperty("updated").GetInt32());
        }
        var newOwner = RegistryCsv.Of(RegistryCsv.DieselTruck("豫F61001", "LFWSRXRJ5HAA61001", owner: "鹤壁市新运输有限公司"), RegistryCsv.DieselTruck("豫F61002", "LFWSRXRJ5HAA61002"));
        using var changed = await server.Api.ImportRegistryAsync(newOwner);
        Assert.Equal(1, changed.RootElement.GetProperty("updated").GetInt32());
        Assert.Equal(1, changed.RootElement.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_naming_the_column()
    {
        var content = new StringContent("hphm,cpys\n豫F62001,黄\n", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await server.Api.Client("operator").PostAsync("/api/registry/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("rlzl", out _));
    }

    [Fact]
    public async Task A_gbk_encoded_file_is_refused_with_a_clear_reason()
    {
        var gbkLike = new byte[] { (byte)'h', (byte)'p', (byte)'h', (byte)'m', (byte)',', (byte)'c', (byte)'p', (byte)'y', (byte)'s', (byte)',', (byte)'r', (byte)'l', (byte)'z', (byte)'l', (byte)'\n', 0xD4, 0xA5, (byte)'F', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)',', 0xBB, 0xC6, (byte)',', (byte)'B', (byte)'\n' };
        var content = new ByteArrayContent(gbkLike);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await server.Api.Client("operator").PostAsync("/api/registry/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Json_sent_to_the_import_is_refused_as_the_wrong_media_type()
    {
        var content = new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await server.Api.Client("operator").PostAsync("/api/registry/import", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
