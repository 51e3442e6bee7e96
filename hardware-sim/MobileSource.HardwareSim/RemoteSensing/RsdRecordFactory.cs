using System.Globalization;
using System.Text.Json;
using MobileSource.Domain.Limits;

namespace MobileSource.HardwareSim.RemoteSensing;

/// <summary>Shares of the record kinds the simulator mixes into its stream; the rest are valid readings.</summary>
/// <param name="DeviceLayout">Share of records in the C# device software's JSON (TESTNO, MN, ...) instead of the national layout.</param>
public sealed record RsdMix(double Invalid = 0.08, double LowConfidence = 0.03, double Malformed = 0.01, double Replay = 0.005, double DeviceLayout = 0);

/// <summary>
/// Makes device records in the national field layout (jlbh, dwbh, jcrq, hphm, nojg, btgdjg, ...) for vehicles of a
/// fleet passing the given sites, with concentrations drawn per fuel and emission stage (log-normal; high emitters
/// far above the limits most of the time) and the mix of invalid, low-confidence, malformed and replayed records.
/// </summary>
public sealed class RsdRecordFactory(RsdFleet fleet, IReadOnlyList<string> sites, string runId, int seed, RsdMix mix, TimeProvider clock)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly EmissionLimits Limits = new();
    private static readonly string[] InvalidCauses = ["slow", "braking", "wind", "humidity"];
    private static readonly string[] MalformedCauses = ["jlbh-missing", "cojg-out-of-range", "jcrq-not-a-time", "nojg-not-a-number", "not-an-object"];

    private readonly Random _rng = new(seed);
    private readonly List<RsdRecord> _answered = [];
    private long _seq;

    public RsdRecord Next()
    {
        var seq = ++_seq;
        var roll = _rng.NextDouble();
        RsdRecord? earlier = null;
        if (roll < mix.Replay)
        {
            lock (_answered)
            {
                earlier = _answered.Count > 0 ? _answered[_rng.Next(_answered.Count)] : null;
            }
        }
        if (earlier is not null)
        {
            return new RsdRecord(earlier.Json, earlier.Truth with { Seq = seq, Kind = "replay", Cause = $"seq {earlier.Truth.Seq}", Expected = "duplicate", Outcome = null });
        }
        roll -= mix.Replay;
        var vehicle = fleet.Vehicles[_rng.Next(fleet.Vehicles.Count)];
        var site = sites[_rng.Next(sites.Count)];
        var recordNo = $"{runId}-{seq:D9}";
        var values = Reading(vehicle);
        string kind = "valid", expected = "accepted";
        string? cause = null;

        if (roll < mix.Malformed)
        {
            kind = "malformed";
            expected = "rejected";
            cause = MalformedCauses[_rng.Next(MalformedCauses.Length)];
            Break(values, cause);
        }
        else if (roll < mix.Malformed + mix.Invalid)
        {
            kind = "invalid";
            cause = InvalidCauses[_rng.Next(InvalidCauses.Length)];
            Spoil(values, cause);
        }
        else if (roll < mix.Malformed + mix.Invalid + mix.LowConfidence)
        {
            kind = "lowConfidence";
            values.Confidence = Math.Round(50 + _rng.NextDouble() * 29.5, 1);
        }

        var json = cause == "not-an-object" ? JsonSerializer.SerializeToUtf8Bytes("garbage") : Write(recordNo, site, vehicle, values, cause);
        var outcome = expected == "accepted" ? (kind == "invalid" ? "invalid" : Judge(vehicle, values)) : null;
        var truth = new RsdTruth(seq, site, cause == "jlbh-missing" || cause == "not-an-object" ? null : recordNo,
            vehicle.Plate, vehicle.Fuel, vehicle.EmissionStage, vehicle.HighEmitter, kind, cause, expected, outcome);
        return new RsdRecord(json, truth);
    }

    /// <summary>A record the server has stored: from now on it may be replayed, as a device re-sending it would.</summary>
    public void Stored(RsdRecord record)
    {
        lock (_answered)
        {
            if (_answered.Count < 100_000 && record.Truth.Kind != "replay")
            {
                _answered.Add(record);
            }
        }
    }

    private sealed class Values
    {
        public double Co2, Co, Hc, No, Opacity, Speed, Acceleration, Vsp, Wind, Humidity, Temperature, Confidence;
    }

    private Values Reading(RsdVehicle v)
    {
        var s = v.EmissionStage;
        var values = new Values
        {
            Co2 = Math.Clamp(Normal(11, 1.2), 6, 15),
            Speed = Math.Round(Math.Clamp(Normal(13, 3.5), 4, 28), 2),
            Acceleration = Math.Round(Math.Clamp(Normal(0.5, 0.4), -0.4, 2.5), 2),
            Wind = Math.Round(Math.Clamp(Normal(2, 1), 0, 4.8), 1),
            Humidity = Math.Round(Math.Clamp(Normal(50, 12), 15, 84), 0),
            Temperature = Math.Round(Math.Clamp(Normal(12, 6), -15, 40), 1),
            Confidence = Math.Round(Math.Clamp(Normal(95, 3), 80.5, 99.9), 1),
        };
        values.Vsp = Math.Round(Math.Clamp(values.Speed * (1.1 * values.Acceleration + 0.132) + 0.000302 * Math.Pow(values.Speed, 3), 0.5, 19.5), 2);
        if (v.Fuel == 'B')
        {
            values.No = v.HighEmitter ? LogNormal(2000, 0.3) : LogNormal(s switch { 3 => 1000, 4 => 800, 5 => 600, _ => 200 }, 0.3);
            values.Opacity = v.HighEmitter ? LogNormal(38, 0.35) : LogNormal(s switch { 3 => 8, 4 => 6, 5 => 4, _ => 1.5 }, 0.5);
            values.Co = LogNormal(0.05, 0.6);
            values.Hc = LogNormal(40, 0.5);
        }
        else
        {
            values.Co = v.HighEmitter ? LogNormal(3.2, 0.35) : LogNormal(s switch { 4 => 0.3, 5 => 0.15, _ => 0.08 }, 0.7);
            values.No = v.HighEmitter ? LogNormal(1400, 0.4) : LogNormal(s switch { 4 => 300, 5 => 150, _ => 60 }, 0.6);
            values.Hc = v.HighEmitter ? LogNormal(500, 0.4) : LogNormal(80, 0.5);
            values.Opacity = LogNormal(1, 0.5);
        }
        values.No = Math.Round(Math.Min(values.No, 9999), 0);
        values.Opacity = Math.Round(Math.Min(values.Opacity, 99.9), 1);
        values.Co = Math.Round(Math.Min(values.Co, 14.9), 3);
        values.Hc = Math.Round(Math.Min(values.Hc, 19999), 0);
        values.Co2 = Math.Round(values.Co2, 2);
        return values;
    }

    private void Spoil(Values values, string cause)
    {
        switch (cause)
        {
            case "slow": values.Speed = Math.Round(0.5 + _rng.NextDouble() * 2, 2); break;
            case "braking": values.Acceleration = Math.Round(-1 - _rng.NextDouble() * 2, 2); break;
            case "wind": values.Wind = Math.Round(6 + _rng.NextDouble() * 6, 1); break;
            case "humidity": values.Humidity = Math.Round(88 + _rng.NextDouble() * 12, 0); break;
        }
    }

    private static void Break(Values values, string cause)
    {
        if (cause == "cojg-out-of-range")
        {
            values.Co = 250;
        }
    }

    private static string Judge(RsdVehicle v, Values values)
    {
        var fail = v.Fuel == 'B'
            ? values.Opacity > Limits.Diesel.OpacityPercent || values.No > Limits.Diesel.NoPpm
            : values.Co > Limits.Gasoline.CoPercent || values.No > Limits.Gasoline.NoPpm;
        return fail ? "fail" : "pass";
    }

    /// <summary>The C# device software's keys for the national fields it sends (the server's DeviceSoftwareLayout).</summary>
    private static readonly Dictionary<string, string> DeviceKeys = new()
    {
        ["jlbh"] = "TESTNO", ["dwbh"] = "MN", ["ycxbh"] = "LINENO", ["cdxh"] = "LaneNumber", ["jcrq"] = "TESTDATE", ["hphm"] = "LICENSE",
        ["cpys"] = "LICENSECOLOR", ["sbzxd"] = "LICENSECONF", ["rlzl"] = "FUELTYPE", ["co2jg"] = "CO2JG", ["cojg"] = "COJG", ["hcjg"] = "HCJG",
        ["nojg"] = "NOJG", ["btgdjg"] = "BTGD", ["clsd"] = "SPEED", ["cljsd"] = "ASPEED", ["vsp"] = "VSP", ["cdpd"] = "SLOPE", ["fs"] = "WSPEED",
        ["fx"] = "WDIRECTION", ["hjwd"] = "TEMP", ["sd"] = "HUM", ["dqy"] = "PRESS",
    };

    private byte[] Write(string recordNo, string site, RsdVehicle v, Values values, string? cause)
    {
        var device = _rng.NextDouble() < mix.DeviceLayout;
        string K(string national) => device ? DeviceKeys[national] : national;
        using var buffer = new MemoryStream(700);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (cause != "jlbh-missing")
            {
                w.WriteString(K("jlbh"), recordNo);
            }
            w.WriteString(K("dwbh"), site);
            w.WriteString(K("ycxbh"), "L1");
            w.WriteNumber(K("cdxh"), 1 + _rng.Next(2));
            w.WriteString(K("jcrq"), cause == "jcrq-not-a-time"
                ? "2026-13-45 25:61:00"
                : clock.GetUtcNow().ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            w.WriteString(K("hphm"), v.Plate);
            w.WriteString(K("cpys"), v.PlateColourCode);
            w.WriteNumber(K("sbzxd"), values.Confidence);
            w.WriteString(K("rlzl"), v.Fuel.ToString());
            w.WriteNumber(K("co2jg"), values.Co2);
            w.WriteNumber(K("cojg"), values.Co);
            w.WriteNumber(K("hcjg"), values.Hc);
            if (cause == "nojg-not-a-number")
            {
                w.WriteString(K("nojg"), "n/a");
            }
            else
            {
                w.WriteNumber(K("nojg"), values.No);
            }
            w.WriteNumber(K("btgdjg"), values.Opacity);
            w.WriteNumber(K("clsd"), values.Speed);
            w.WriteNumber(K("cljsd"), values.Acceleration);
            w.WriteNumber(K("vsp"), values.Vsp);
            w.WriteNumber(K("cdpd"), 0.5);
            w.WriteNumber(K("fs"), values.Wind);
            w.WriteNumber(K("fx"), _rng.Next(360));
            w.WriteNumber(K("hjwd"), values.Temperature);
            w.WriteNumber(K("sd"), values.Humidity);
            w.WriteNumber(K("dqy"), 100.8);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private double Normal(double mean, double sd)
    {
        var u1 = 1.0 - _rng.NextDouble();
        var u2 = _rng.NextDouble();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private double LogNormal(double median, double sigma) => median * Math.Exp(Normal(0, sigma));
}
