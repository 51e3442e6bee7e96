using System.Net;

namespace MobileSource.FunctionalTests;

/// <summary>The blacklist as CSV for the bureau: found by any part of the plate, safe to open in a spreadsheet.</summary>
[Collection(ServerCollection.Name)]
public sealed class BlacklistExportTests(ServerFixture server)
{
    [Fact]
    public async Task A_searched_export_lists_the_entry_and_a_formula_in_registry_text_is_not_run()
    {
        const string plate = "豫F65001";
        await EnforcementFlow.ListTruckAsync(server.Api, plate, "LFWSRXRJ5HAD65001", owner: "=HYPERLINK(\"http://x\")");

        var response = await server.Api.Client("bureau-analyst").GetAsync("/api/blacklist/export.csv?q=F65001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("豫F·65001,yellow,RemoteSensingOverLimit,", lines[1]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", lines[1]);
    }

    [Fact]
    public async Task A_search_longer_than_a_plate_is_refused_by_name()
    {
        var response = await server.Api.Client("bureau-analyst").GetAsync("/api/blacklist?q=" + new string('1', 17));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"q\"", await response.Content.ReadAsStringAsync());
    }
}
