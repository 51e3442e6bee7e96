using MobileSource.Domain.Text;

namespace MobileSource.Server.Startup;

/// <summary>
/// Picks the language of a request's messages: the consoles' <c>lang</c> cookie (zh or en), which every console page
/// sets as it loads and when its language is toggled. Without it, English: devices and other systems calling with an API
/// key get English whatever their Accept-Language says, so their logs and ours stay readable to the integrators.
/// </summary>
public static class ReaderLanguage
{
    public const string Cookie = "lang";

    public static IApplicationBuilder UseReaderLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        Bilingual.UseChinese(WantsChinese(context.Request));
        await next(context);
    });

    public static bool WantsChinese(HttpRequest request) =>
        request.Cookies.TryGetValue(Cookie, out var chosen) && chosen == "zh";
}
