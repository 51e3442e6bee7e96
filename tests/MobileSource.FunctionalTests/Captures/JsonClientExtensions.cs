using System.Net;
using System.Text.Json;

namespace MobileSource.FunctionalTests.Captures;

internal static class JsonClientExtensions
{
    public static async Task<JsonElement> GetFromJsonElementAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await ApiDriver.EnsureAsync(response, HttpStatusCode.OK);
        using var body = await ApiDriver.ReadJsonAsync(response);
        return body.RootElement.Clone();
    }
}
