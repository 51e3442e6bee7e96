using System.Text.Json;

namespace MobileSource.FunctionalTests;

/// <summary>The TCP line protocol for streaming devices, against the real listener.</summary>
[Collection(ServerCollection.Name)]
public sealed class DeviceLineTests(ServerFixture server)
{
    private async Task<DeviceLine> ConnectAsync(string role = "device")
    {
        var key = await server.Api.IssueKeyAsync(role);
        var (line, auth) = await DeviceLine.ConnectAsync(await server.Factory.DeviceLinePortAsync(), key);
        using (auth)
        {
            Assert.Equal("ok", auth.RootElement.GetProperty("auth").GetString());
        }
        return line;
    }

    [Theory]
    [InlineData("not-a-key", "the API key is unknown or revoked")]
    [InlineData(null, "the role 'police' may not send readings")]
    public async Task A_wrong_key_or_role_is_refused_with_the_reason_and_the_connection_closed(string? key, string reason)
    {
        key ??= await server.Api.IssueKeyAsync("police");
        var (line, auth) = await DeviceLine.ConnectAsync(await server.Factory.DeviceLinePortAsync(), key);
        await using (line)
        {
            using (auth)
            {
                Assert.Equal("refused", auth.RootElement.GetProperty("auth").GetString());
                Assert.Equal(reason, auth.RootElement.GetProperty("error").GetString());
            }
            Assert.Null(await line.ReadAnswerAsync());
        }
    }

    [Fact]
    public async Task Each_line_gets_one_answer_in_order_and_a_bad_line_never_loses_the_good_ones_around_it()
    {
        await server.Api.RegisterSiteAsync("HB-RS-001");
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var badCo = Records.Diesel("TCP-BAD-CO", "豫F7T002", at);
        badCo["cojg"] = 250;
        await using var line = await ConnectAsync();

        await line.SendAsync(Records.Diesel("TCP-1", "豫F7T001", at, noPpm: 1700), "{not json", badCo);
        await line.SendRawAsync("\n   \n"); // blank lines are keep-alives, not records
        await line.SendAsync(Records.Diesel("TCP-1", "豫F7T001", at), Records.Diesel("TCP-2", "豫F7T003", at, site: "HB-RS-TCP-UNREG"));

        var answers = await line.ReadAnswersAsync(5);
        Assert.Equal([2, 3, 4, 5, 6], answers.Select(a => a.GetProperty("line").GetInt32()));
        Assert.Equal(["accepted", "rejected", "rejected", "duplicate", "accepted"], answers.Select(a => a.GetProperty("status").GetString()));
        Assert.Equal("fail", answers[0].GetProperty("outcome").GetString());
        Assert.Equal("No", answers[0].GetProperty("failed").GetString());
        Assert.StartsWith("line 3 is not JSON", answers[1].GetProperty("errors")[0].GetProperty("message").GetString());
        var coError = answers[2].GetProperty("errors")[0];
        Assert.Equal("cojg", coError.GetProperty("field").GetString());
        Assert.Contains("250", coError.GetProperty("message").GetString());
        Assert.Equal("TCP-BAD-CO", answers[2].GetProperty("jlbh").GetString());
        Assert.Equal("site HB-RS-TCP-UNREG is not registered", answers[4].GetProperty("notForEnforcement").GetString());
    }

    [Fact]
    public async Task A_device_may_send_hundreds_of_lines_before_reading_and_each_is_answered_once_stored()
    {
        await server.Api.RegisterSiteAsync("HB-RS-002");
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        await using var line = await ConnectAsync();
        var records = Enumerable.Range(0, 400).Select(i => (object)Records.Diesel($"TCP-BULK-{i:D3}", $"豫F8{i:D4}", at.AddSeconds(i), site: "HB-RS-002")).ToArray();

        await line.SendAsync(records);

        var answers = await line.ReadAnswersAsync(400);
        Assert.All(answers, a => Assert.Equal("accepted", a.GetProperty("status").GetString()));
        Assert.Equal(Enumerable.Range(0, 400).Select(i => $"TCP-BULK-{i:D3}"), answers.Select(a => a.GetProperty("jlbh").GetString()));
        // Stored before answered: sending them again finds every one.
        using var again = await server.Api.PostReadingsAsync(records.Take(3).ToArray());
        Assert.Equal(3, again.RootElement.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task A_line_over_the_length_limit_is_rejected_by_number_and_the_next_line_is_read()
    {
        await server.Api.RegisterSiteAsync("HB-RS-001");
        await using var line = await ConnectAsync();
        var huge = Records.Diesel("TCP-HUGE", "豫F7T010", DateTimeOffset.UtcNow.AddHours(-1));
        huge["padding"] = new string('x', 70_000);

        await line.SendAsync(huge, Records.Diesel("TCP-AFTER-HUGE", "豫F7T011", DateTimeOffset.UtcNow.AddHours(-1)));

        var answers = await line.ReadAnswersAsync(2);
        Assert.Equal("rejected", answers[0].GetProperty("status").GetString());
        Assert.Equal("line 2 is longer than 65536 bytes", answers[0].GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(3, answers[1].GetProperty("line").GetInt32());
        Assert.Equal("accepted", answers[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Two_failures_streamed_over_tcp_list_the_vehicle()
    {
        const string plate = "豫F7T020";
        await server.Api.RegisterSiteAsync("HB-RS-001");
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LZZ5ELND8JW720020")));
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await using var line = await ConnectAsync();

        await line.SendAsync(Records.Diesel("TCP-OL-1", plate, at, opacity: 48), Records.Diesel("TCP-OL-2", plate, at.AddHours(2), opacity: 44));
        await line.ReadAnswersAsync(2);

        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), $"{plate} listed");
    }

    [Fact]
    public async Task A_record_with_text_that_is_not_utf8_is_rejected_alone_and_the_records_stored_with_it_are_not()
    {
        await server.Api.RegisterSiteAsync("HB-RS-001");
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        await using var line = await ConnectAsync();
        var json = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Records.Diesel("TCP-GBK", "QQQQQ", at)));
        var placeholder = json.AsSpan().IndexOf("QQQQQ"u8);
        byte[] bytes = [.. json[..placeholder], 0xD4, 0xA5, 0xBA, 0xD7, (byte)'F', .. json[(placeholder + 5)..]]; // 豫鹤 in GBK: the second is not UTF-8

        await line.SendAsync(Records.Diesel("TCP-UTF-1", "豫F7T031", at));
        await line.SendBytesAsync([.. bytes, (byte)'\n']);
        await line.SendRawAsync(JsonSerializer.Serialize(Records.Diesel("TCP-UTF-2", "豫F7T032", at)).Replace("TCP-UTF-2", "\\ud800") + "\n");
        await line.SendAsync(Records.Diesel("TCP-UTF-3", "豫F7T033", at));

        var answers = await line.ReadAnswersAsync(4);
        Assert.Equal(["accepted", "rejected", "rejected", "accepted"], answers.Select(a => a.GetProperty("status").GetString()));
        Assert.Contains("not valid UTF-8", answers[1].GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Contains("not valid UTF-8", answers[2].GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
