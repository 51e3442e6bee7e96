using System.Net;
using System.Net.Http.Json;

namespace MobileSource.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class CaseTests(ServerFixture server)
{
    [Fact]
    public async Task Notifying_the_owner_is_a_recorded_transition_with_its_actor()
    {
        const string plate = "豫F4N404";
        await server.Api.Client("inspection-station").PostAsJsonAsync("/api/inspections", new
        {
            plate, plateColour = "yellow", station = "I-07", method = "Ringelmann", values = new { ringelmannLevel = 3 }, testedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed after a failed Ringelmann test");
        using var status = await server.Api.BlacklistAsync(plate);
        var caseId = status.RootElement.GetProperty("entries")[0].GetProperty("caseId").GetGuid();

        var operatorClient = server.Api.Client("operator");
        var notified = await operatorClient.PostAsJsonAsync($"/api/cases/{caseId}/notify", new { note = "SMS to owner and letter to 鹤壁市宏达物流有限公司" });
        Assert.Equal(HttpStatusCode.OK, notified.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(notified);
        Assert.Equal("Notified", body.RootElement.GetProperty("state").GetString());
        var last = body.RootElement.GetProperty("transitions").EnumerateArray().Last();
        Assert.Equal("Notified", last.GetProperty("to").GetString());
        Assert.StartsWith("test operator", last.GetProperty("actor").GetString());

        var twice = await operatorClient.PostAsJsonAsync($"/api/cases/{caseId}/notify", new { note = "again" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var noNote = await operatorClient.PostAsJsonAsync($"/api/cases/{caseId}/notify", new { note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
    }
}
