using MobileSource.Domain.Text;

namespace MobileSource.Server.Startup;

/// <summary>
/// Picks the language of a request's messages: the consoles' <c>lang</c> cookie (zh or en, set by their language
/// toggle), else the first language of Accept-Language; English when neither asks for Chinese.
/// </summary>
public static class ReaderLanguage
{
    public const string Cookie = "lang";

    public static IApplicationBuilder UseReaderLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        Bilingual.UseChinese(WantsChinese(context.Request));
        await next(context);
    });

    public static bool WantsChinese(HttpRequest request)
    {
        if (request.Cookies.TryGetValue(Cookie, out var chosen) && chosen is "zh" or "en")
        {
            return chosen == "zh";
        }
        var first = request.Headers.AcceptLanguage.ToString().Split(',', 2)[0].Trim();
        return first.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
    }
}
