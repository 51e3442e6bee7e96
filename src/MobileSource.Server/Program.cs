using System.Text.Json.Serialization;
using MobileSource.Server.Api;
using MobileSource.Server.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMobileSource(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseReaderLanguage();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseKnownProxies();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithTags("Health");
app.MapRegistryEndpoints();
app.MapVehicleEndpoints();
app.MapReadingEndpoints();
app.MapSiteEndpoints();
app.MapPlateReviewEndpoints();
app.MapScreeningEndpoints();
app.MapBlacklistEndpoints();
app.MapStationEndpoints();
app.MapStationIntakeEndpoints();
app.MapAlertEndpoints();
app.MapAlertEvidenceEndpoints();
app.MapCaseEndpoints();
app.MapKeyEndpoints();
app.MapAccountEndpoints();
app.MapAuditEndpoints();
app.MapRoadsideCheckEndpoints();
app.MapBureauEndpoints();
app.MapConsoles();
app.MapCaptureEndpoints();
app.MapAnprEndpoints();
app.MapCameraEndpoints();

await app.Services.PrepareDatabaseAsync(app.Configuration, app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
