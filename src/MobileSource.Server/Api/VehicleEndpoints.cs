using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Api;

public static class VehicleEndpoints
{
    public static void MapVehicleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/vehicles/{plate}", GetAsync)
            .RequireAuthorization(Policies.VehiclesRead)
            .WithTags("Registry")
            .WithSummary("The registry record of a plate (?colour= when several colours carry the number); 404 lists look-alike candidates.")
            .Produces<VehicleView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(string plate, string? colour, MobileSourceDbContext db, CancellationToken ct)
    {
        var (number, plateColour, problem) = PlateQuery.Read(plate, colour);
        if (problem is not null)
        {
            return problem;
        }
        var matches = await db.Vehicles.AsNoTracking()
            .Where(v => v.Plate == number.Value && (plateColour == null || v.PlateColour == (int)plateColour))
            .ToListAsync(ct);
        if (matches.Count == 1)
        {
            return Results.Ok(VehicleView.From(matches[0]));
        }
        if (matches.Count > 1)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Several vehicles carry this number",
                detail: $"{number.ToDisplay()} is registered in {string.Join(", ", matches.Select(m => PlateView.Colour(m.PlateColour)))}; add ?colour=.");
        }
        var candidates = await LookalikeCandidatesAsync(db, number.Value, ct);
        return Problems.NotFound($"{number.ToDisplay()} is not in the vehicle registry.",
            new Dictionary<string, object?> { ["candidates"] = candidates });
    }

    /// <summary>Registered plates that differ from the one asked for only by look-alike characters, best first.</summary>
    public static async Task<IReadOnlyList<object>> LookalikeCandidatesAsync(MobileSourceDbContext db, string plate, CancellationToken ct)
    {
        var variants = PlateLookalikes.Variants(plate).ToList();
        var keys = variants.Select(v => v.Candidate).ToList();
        var existing = (await db.Vehicles.AsNoTracking().Where(v => keys.Contains(v.Plate)).Select(v => v.Plate).ToListAsync(ct)).ToHashSet();
        return PlateMatcher.Rank(plate, existing.Contains)
            .Where(m => m.IsApproximate)
            .Select(m => (object)new { plate = m.Plate.ToDisplay(), substitutions = m.Substitutions, approximate = true })
            .ToList();
    }
}

public sealed record VehicleView(
    string Plate, string PlateNumber, string PlateColour, string PlateType, string? Vin, string Fuel, string? EmissionStage,
    string? Model, string? UseNature, string? VehicleClass, DateOnly? FirstRegistered, string? Owner, string? FleetOperator,
    bool IsKeyFleet, bool ObdConnected, DateTime UpdatedAt)
{
    public static VehicleView From(RegisteredVehicle v) => new(
        PlateView.Display(v.Plate), v.Plate, PlateView.Colour(v.PlateColour), PlateTypeCodes.ToCode((PlateType)v.PlateType), v.Vin, v.Fuel,
        v.EmissionStage, v.Model, v.UseNature, v.VehicleClass, v.FirstRegistered, v.Owner, v.FleetOperator, v.IsKeyFleet,
        v.ObdConnected, DateTime.SpecifyKind(v.UpdatedAtUtc, DateTimeKind.Utc));
}

/// <summary>Parses the {plate} route value and optional ?colour= of read endpoints.</summary>
public static class PlateQuery
{
    public static (PlateNumber Number, PlateColour? Colour, IResult? Problem) Read(string plate, string? colour)
    {
        if (!PlateNumber.TryParse(Uri.UnescapeDataString(plate), out var number, out var error))
        {
            return (default, null, Problems.Field("plate", $"'{plate}' is not a valid plate: {error}"));
        }
        if (string.IsNullOrWhiteSpace(colour))
        {
            return (number, null, null);
        }
        return PlateColourCodes.TryParse(colour, out var c)
            ? (number, c, null)
            : (default, null, Problems.Field("colour", $"'{colour}' is not a plate colour"));
    }
}
