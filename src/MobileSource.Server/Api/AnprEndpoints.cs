using MobileSource.Cameras.Anpr;
using MobileSource.Infrastructure.Security;
using MobileSource.Server.Auth;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Api;

/// <summary>ANPR events pushed by cameras: Hikvision ISAPI EventNotificationAlert and Dahua ITC traffic events.</summary>
public static class AnprEndpoints
{
    public static void MapAnprEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/anpr")
            .RequireAuthorization(p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Admin, Roles.Device, Roles.Operator))
            .WithTags("ANPR")
            .DisableAntiforgery();
        group.MapPost("/hikvision", (HttpContext http, string? camera, AnprIntake intake, IOptions<AnprOptions> options, CancellationToken ct) =>
                TakeAsync(HikvisionAlertParser.Vendor, http, camera, intake, options.Value, ct))
            .WithSummary("Hikvision ISAPI ANPR alarm: multipart/form-data or multipart/mixed with the EventNotificationAlert XML and JPEG pictures. ?camera= names the camera, else Anpr:Cameras maps ipAddress/channelID.")
            .Produces<AnprResponse>().ProducesValidationProblem();
        group.MapPost("/dahua", (HttpContext http, string? camera, AnprIntake intake, IOptions<AnprOptions> options, CancellationToken ct) =>
                TakeAsync(DahuaTrafficParser.Vendor, http, camera, intake, options.Value, ct))
            .WithSummary("Dahua ITC traffic event: multipart with a JSON (or key=value) part carrying Events[].TrafficCar and JPEG pictures.")
            .Produces<AnprResponse>().ProducesValidationProblem();
    }

    private static async Task<IResult> TakeAsync(
        string vendor, HttpContext http, string? camera, AnprIntake intake, AnprOptions options, CancellationToken ct)
    {
        var (parts, error) = await AnprMultipart.ReadAsync(http.Request, options.MaxPictureBytes, ct);
        if (error is not null)
        {
            return Problems.Validation([error], "The push could not be read");
        }
        var sender = http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;
        var result = await intake.TakeAsync(vendor, parts, camera, sender, ct);
        if (result.Errors.Count > 0)
        {
            return Problems.Validation(result.Errors, "The ANPR event has invalid parts or fields");
        }
        return Results.Ok(new AnprResponse(result.Events, result.Warnings.Select(w => new AnprWarning(w.Field, w.Message)).ToList()));
    }
}

/// <summary>The stored events, and the parts or fields that were skipped (a bad picture never loses the event).</summary>
public sealed record AnprResponse(IReadOnlyList<AnprStoredEvent> Events, IReadOnlyList<AnprWarning> Warnings);

public sealed record AnprWarning(string Part, string Message);
