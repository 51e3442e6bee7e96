using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>
/// Stores a batch of readings on PostgreSQL in one statement inside the caller's transaction: one array per column,
/// unnested into rows, with <c>ON CONFLICT DO NOTHING</c> on the (site, record) key. The unique index itself finds the
/// records already stored, so no lookup runs before the insert: a lookup of both key lists was planned from statistics
/// that lag a table growing by thousands of rows a second, and scanned every reading of the batch's sites once the table
/// grew (100-180 ms a batch, growing with the table, at 5,000 records/s). EF's one INSERT with 31 parameters a row cost
/// more than the rest of the intake.
/// </summary>
public static class PostgresReadingInsert
{
    private const string Insert = """
        INSERT INTO remote_sensing_readings (record_no, site_no, line_no, lane, measured_at_utc, plate_raw, plate, plate_colour,
            plate_confidence, fuel, co2_percent, co_percent, hc_ppm, no_ppm, opacity_percent, ringelmann, speed_mps,
            acceleration_mps2, vsp, slope_degrees, wind_speed_mps, temperature_c, humidity_percent, pressure_kpa, outcome,
            failed_pollutants, judgement_detail, needs_plate_review, not_for_enforcement_reason, received_at_utc,
            judged_at_utc, received_from)
        SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
            $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32)
        ON CONFLICT (site_no, record_no) DO NOTHING
        RETURNING site_no, record_no
        """;

    /// <summary>Inserts the rows whose (site, record) is not stored yet; returns the keys it inserted.</summary>
    public static async Task<HashSet<(string SiteNo, string RecordNo)>> InsertNewAsync(
        MobileSourceDbContext db, IReadOnlyList<StoredReading> rows, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            throw new InvalidOperationException("Readings are inserted inside the intake's transaction.");
        }
        await using var command = new NpgsqlCommand(Insert, (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction)transaction.GetDbTransaction());
        var p = command.Parameters;
        Text(p, rows, r => r.RecordNo);
        Text(p, rows, r => r.SiteNo);
        Text(p, rows, r => r.LineNo);
        Column(p, rows, r => r.Lane, NpgsqlDbType.Integer);
        Column(p, rows, r => r.MeasuredAtUtc, NpgsqlDbType.TimestampTz);
        Text(p, rows, r => r.PlateRaw);
        Text(p, rows, r => r.Plate);
        Column(p, rows, r => r.PlateColour, NpgsqlDbType.Integer);
        Number(p, rows, r => r.PlateConfidence);
        Text(p, rows, r => r.Fuel);
        Number(p, rows, r => r.Co2Percent);
        Number(p, rows, r => r.CoPercent);
        Number(p, rows, r => r.HcPpm);
        Number(p, rows, r => r.NoPpm);
        Number(p, rows, r => r.OpacityPercent);
        Number(p, rows, r => r.Ringelmann);
        Number(p, rows, r => r.SpeedMps);
        Number(p, rows, r => r.AccelerationMps2);
        Number(p, rows, r => r.Vsp);
        Number(p, rows, r => r.SlopeDegrees);
        Number(p, rows, r => r.WindSpeedMps);
        Number(p, rows, r => r.TemperatureC);
        Number(p, rows, r => r.HumidityPercent);
        Number(p, rows, r => r.PressureKpa);
        Text(p, rows, r => r.Outcome);
        Text(p, rows, r => r.FailedPollutants);
        Text(p, rows, r => r.JudgementDetail);
        Column(p, rows, r => r.NeedsPlateReview, NpgsqlDbType.Boolean);
        Text(p, rows, r => r.NotForEnforcementReason);
        Column(p, rows, r => r.ReceivedAtUtc, NpgsqlDbType.TimestampTz);
        Column(p, rows, r => r.JudgedAtUtc, NpgsqlDbType.TimestampTz);
        Text(p, rows, r => r.ReceivedFrom);

        var inserted = new HashSet<(string, string)>(rows.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add((reader.GetString(0), reader.GetString(1)));
        }
        return inserted;
    }

    private static void Text(NpgsqlParameterCollection p, IReadOnlyList<StoredReading> rows, Func<StoredReading, string?> column) =>
        Column(p, rows, column, NpgsqlDbType.Varchar);

    private static void Number(NpgsqlParameterCollection p, IReadOnlyList<StoredReading> rows, Func<StoredReading, double?> column) =>
        Column(p, rows, column, NpgsqlDbType.Double);

    private static void Column<T>(NpgsqlParameterCollection p, IReadOnlyList<StoredReading> rows, Func<StoredReading, T> column, NpgsqlDbType type)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column(rows[i]);
        }
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values });
    }
}
