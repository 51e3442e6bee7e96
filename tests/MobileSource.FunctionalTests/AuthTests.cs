using System.Net;
using System.Net.Http.Json;

namespace MobileSource.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class AuthTests(ServerFixture server)
{
    [Fact]
    public async Task No_key_is_401_with_a_problem_document()
    {
        var response = await server.Api.WithKey(null).GetAsync("/api/blacklist/豫F12345");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_key_is_401()
    {
        var response = await server.Api.WithKey("msk_not-a-real-key").GetAsync("/api/blacklist/豫F12345");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_device_may_send_its_key_as_the_basic_authentication_password()
    {
        var client = server.Api.WithKey(null);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/blacklist/豫F12345");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"camera:{ServerFactory.AdminKey}")));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/blacklist/豫F12345");
        wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("camera:msk_not-a-real-key")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
    }

    [Theory]
    [InlineData("police", "POST", "/api/remote-sensing/readings")]
    [InlineData("device", "GET", "/api/blacklist/豫F12345")]
    [InlineData("repair-station", "POST", "/api/inspections")]
    [InlineData("inspection-station", "POST", "/api/repairs")]
    [InlineData("device", "GET", "/api/alerts")]
    [InlineData("operator", "POST", "/api/keys")]
    [InlineData("police", "POST", "/api/registry/import")]
    public async Task A_role_cannot_call_another_roles_route(string role, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = path.Contains("registry")
                ? new StringContent("hphm,cpys,rlzl\n", System.Text.Encoding.UTF8, "text/csv")
                : JsonContent.Create(new { });
        }
        var response = await server.Api.Client(role).SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(role, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        var admin = server.Api.Admin;
        var issued = await admin.PostAsJsonAsync("/api/keys", new { name = "station to revoke", role = "inspection-station" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(issued);
        var key = body.RootElement.GetProperty("key").GetString();
        var id = body.RootElement.GetProperty("id").GetGuid();
        var client = server.Api.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/blacklist/豫F12345")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/blacklist/豫F12345")).StatusCode);
    }

    [Fact]
    public async Task Issuing_a_key_with_an_unknown_role_names_the_field()
    {
        var response = await server.Api.Admin.PostAsJsonAsync("/api/keys", new { name = "x", role = "mayor" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var response = await server.Api.WithKey(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("/api/remote-sensing/readings", text);
        Assert.Contains("/api/inspections", text);
    }
}
