using MobileSource.Server.Auth;
using Microsoft.Extensions.FileProviders;

namespace MobileSource.Server.Startup;

/// <summary>
/// The people's web consoles (Consoles/, copied next to the server): plain HTML and JavaScript modules over the API.
/// Each console page is served only to a signed-in person of its role; the assets hold no data and are public.
/// </summary>
public static class Consoles
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "consoles");

    public static void MapConsoles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(Folder, "assets")),
            RequestPath = "/assets",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/", () => Page("index.html")).ExcludeFromDescription();
        app.MapGet("/home", () => Page("home.html")).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        app.MapGet("/police", () => Page("police.html")).RequireAuthorization(Policies.PoliceConsole).ExcludeFromDescription();
        app.MapGet("/station", () => Page("station.html")).RequireAuthorization(Policies.StationConsole).ExcludeFromDescription();
        app.MapGet("/admin", () => Page("admin.html")).RequireAuthorization(Policies.AccountsManage).ExcludeFromDescription();
        app.MapGet("/bureau", () => Page("bureau.html")).RequireAuthorization(Policies.BureauRead).ExcludeFromDescription();
        app.MapGet("/report", () => Page("report.html")).RequireAuthorization(Policies.BureauRead).ExcludeFromDescription();
        app.MapGet("/cameras", () => Page("cameras.html")).RequireAuthorization(Policies.CamerasManage).ExcludeFromDescription();
        app.MapGet("/operator", () => Page("operator.html")).RequireAuthorization(Policies.CapturesWrite).ExcludeFromDescription();
    }

    private static IResult Page(string name) => Results.File(Path.Combine(Folder, name), "text/html; charset=utf-8");
}
