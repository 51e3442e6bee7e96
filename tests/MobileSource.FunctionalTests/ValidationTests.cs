using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace MobileSource.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class ValidationTests(ServerFixture server)
{
    [Fact]
    public async Task A_bad_record_is_rejected_alone_and_names_its_fields()
    {
        var good = Records.Diesel("VAL-GOOD-1", "豫F52001", DateTimeOffset.UtcNow.AddHours(-1));
        var bad = Records.Diesel("VAL-BAD-1", "豫F52002", DateTimeOffset.UtcNow.AddHours(-1));
        bad["cojg"] = 250;          // a CO of 250 % is a broken record, not a violation
        bad["nojg"] = "lots";
        bad.Remove("jcrq");

        using var body = await server.Api.PostReadingsAsync(good, bad);

        var root = body.RootElement;
        Assert.Equal(1, root.GetProperty("accepted").GetInt32());
        Assert.Equal(1, root.GetProperty("rejected").GetInt32());
        var rejected = root.GetProperty("results")[1];
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        var fields = rejected.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("cojg", fields);
        Assert.Contains("nojg", fields);
        Assert.Contains("jcrq", fields);
    }

    [Fact]
    public async Task A_reading_replayed_twice_is_a_duplicate_and_stored_once()
    {
        var record = Records.Diesel("VAL-REPLAY-1", "豫F52003", DateTimeOffset.UtcNow.AddHours(-2), noPpm: 1800);
        using var first = await server.Api.PostReadingsAsync(record);
        using var second = await server.Api.PostReadingsAsync(record, record);

        Assert.Equal("accepted", first.RootElement.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal(2, second.RootElement.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, second.RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task The_same_record_number_from_two_sites_is_two_readings()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        using var body = await server.Api.PostReadingsAsync(
            Records.Diesel("VAL-SHARED-1", "豫F52006", at, site: "HB-RS-011"),
            Records.Diesel("VAL-SHARED-1", "豫F52007", at, site: "HB-RS-012"));
        Assert.Equal(2, body.RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task An_unreadable_plate_is_stored_but_judged_invalid()
    {
        var record = Records.Diesel("VAL-NOPLATE-1", "未识别", DateTimeOffset.UtcNow.AddHours(-1), noPpm: 2500);
        using var body = await server.Api.PostReadingsAsync(record);
        var result = body.RootElement.GetProperty("results")[0];
        Assert.Equal("accepted", result.GetProperty("status").GetString());
        Assert.Equal("invalid", result.GetProperty("judgement").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Malformed_json_says_where_it_broke()
    {
        var content = new StringContent("[{\"jlbh\": \"X1\",, }]", Encoding.UTF8, "application/json");
        var response = await server.Api.Client("device").PostAsync("/api/remote-sensing/readings", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("line 1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_an_array_of_records_is_refused()
    {
        var content = new StringContent("42", Encoding.UTF8, "application/json");
        var response = await server.Api.Client("device").PostAsync("/api/remote-sensing/readings", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_plate_is_404_with_look_alike_candidates()
    {
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck("豫F8B250", "LGAX2A136J1000001")));
        // An OCR read with B->8 and 2->Z confusions.
        var response = await server.Api.Client("police").GetAsync($"/api/vehicles/{Uri.EscapeDataString("豫FBB250")}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(response);
        var candidate = body.RootElement.GetProperty("candidates")[0];
        Assert.Equal("豫F·8B250", candidate.GetProperty("plate").GetString());
        Assert.True(candidate.GetProperty("approximate").GetBoolean());
    }

    [Fact]
    public async Task A_registered_plate_is_found_however_it_is_written()
    {
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck("豫F9C777", "LGAX2A136J1000002")));
        var response = await server.Api.Client("police").GetAsync($"/api/vehicles/{Uri.EscapeDataString("豫f·9c777")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(response);
        Assert.Equal("豫F·9C777", body.RootElement.GetProperty("plate").GetString());
        Assert.Equal("B", body.RootElement.GetProperty("fuel").GetString());
        Assert.Equal("yellow", body.RootElement.GetProperty("plateColour").GetString());
    }

    [Fact]
    public async Task An_invalid_plate_in_the_route_is_a_400_naming_plate()
    {
        var response = await server.Api.Client("police").GetAsync("/api/vehicles/XX123");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("plate", out _));
    }

    [Fact]
    public async Task An_inspection_with_missing_values_names_the_field_and_the_verdict_is_the_servers()
    {
        var station = server.Api.Client("inspection-station");
        var missing = await station.PostAsJsonAsync("/api/inspections", new
        {
            plate = "豫F52004", plateColour = "yellow", station = "I-03", method = "FreeAcceleration", values = new { }, testedAt = DateTimeOffset.UtcNow,
        });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("smokeK", await missing.Content.ReadAsStringAsync());

        // The station claims a pass; the server judges 2.1 m-1 against limit a (1.2) and fails it.
        var claimed = await station.PostAsJsonAsync("/api/inspections", new
        {
            plate = "豫F52004", plateColour = "yellow", station = "I-03", method = "FreeAcceleration", values = new { smokeK = 2.1 }, passed = true, testedAt = DateTimeOffset.UtcNow,
        });
        Assert.Equal(HttpStatusCode.Created, claimed.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(claimed);
        Assert.False(body.RootElement.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task A_repair_without_items_or_with_a_bad_plate_names_each_field()
    {
        var response = await server.Api.Client("repair-station").PostAsJsonAsync("/api/repairs", new
        {
            plate = "豫O12345", plateColour = "purple", station = "M-01", items = Array.Empty<string>(), repairedAt = DateTimeOffset.UtcNow,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(response);
        var errors = body.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("plateColour", out _));
        Assert.True(errors.TryGetProperty("items", out _));
    }

    [Fact]
    public async Task A_failed_inspection_lists_the_vehicle()
    {
        const string plate = "豫F52005";
        var response = await server.Api.Client("inspection-station").PostAsJsonAsync("/api/inspections", new
        {
            plate, plateColour = "yellow", station = "I-03", method = "LugDown", values = new { smokeK = 0.9, noxPpm = 2100 }, testedAt = DateTimeOffset.UtcNow,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed after a failed lug-down test");
        using var status = await server.Api.BlacklistAsync(plate);
        Assert.Equal("InspectionFailed", status.RootElement.GetProperty("entries")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_blacklist_pages()
    {
        var response = await server.Api.Client("police").GetAsync("/api/blacklist?page=1&pageSize=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("entries").GetArrayLength() <= 2);

        var bad = await server.Api.Client("police").GetAsync("/api/blacklist?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = await ApiDriver.ReadJsonAsync(bad);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("page", out _));
    }
}
