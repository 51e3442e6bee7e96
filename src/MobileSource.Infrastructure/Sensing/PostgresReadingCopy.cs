using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>
/// Stores readings on PostgreSQL by binary COPY inside the caller's transaction. At thousands of readings a second,
/// EF's one INSERT with 31 parameters a row cost the server and PostgreSQL more CPU than the rest of the intake.
/// </summary>
public static class PostgresReadingCopy
{
    private const string Copy = """
        COPY remote_sensing_readings (record_no, site_no, line_no, lane, measured_at_utc, plate_raw, plate, plate_colour,
            plate_confidence, fuel, co2_percent, co_percent, hc_ppm, no_ppm, opacity_percent, ringelmann, speed_mps,
            acceleration_mps2, vsp, slope_degrees, wind_speed_mps, temperature_c, humidity_percent, pressure_kpa, outcome,
            failed_pollutants, judgement_detail, needs_plate_review, not_for_enforcement_reason, received_at_utc,
            judged_at_utc, received_from)
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task InsertAsync(MobileSourceDbContext db, IReadOnlyList<StoredReading> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Readings are copied inside the intake's transaction.");
        }
        await using var copy = await connection.BeginBinaryImportAsync(Copy, ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.RecordNo, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.SiteNo, NpgsqlDbType.Varchar, ct);
            await TextAsync(copy, r.LineNo, ct);
            await IntegerAsync(copy, r.Lane, ct);
            await copy.WriteAsync(r.MeasuredAtUtc, NpgsqlDbType.TimestampTz, ct);
            await TextAsync(copy, r.PlateRaw, ct);
            await TextAsync(copy, r.Plate, ct);
            await IntegerAsync(copy, r.PlateColour, ct);
            await NumberAsync(copy, r.PlateConfidence, ct);
            await TextAsync(copy, r.Fuel, ct);
            foreach (var value in new[]
                     {
                         r.Co2Percent, r.CoPercent, r.HcPpm, r.NoPpm, r.OpacityPercent, r.Ringelmann, r.SpeedMps, r.AccelerationMps2,
                         r.Vsp, r.SlopeDegrees, r.WindSpeedMps, r.TemperatureC, r.HumidityPercent, r.PressureKpa,
                     })
            {
                await NumberAsync(copy, value, ct);
            }
            await copy.WriteAsync(r.Outcome, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.FailedPollutants, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.JudgementDetail, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.NeedsPlateReview, NpgsqlDbType.Boolean, ct);
            await TextAsync(copy, r.NotForEnforcementReason, ct);
            await copy.WriteAsync(r.ReceivedAtUtc, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.JudgedAtUtc, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.ReceivedFrom, NpgsqlDbType.Varchar, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task TextAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken ct) =>
        text is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(text, NpgsqlDbType.Varchar, ct);

    private static Task IntegerAsync(NpgsqlBinaryImporter copy, int? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Integer, ct) : copy.WriteNullAsync(ct);

    private static Task NumberAsync(NpgsqlBinaryImporter copy, double? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Double, ct) : copy.WriteNullAsync(ct);
}
