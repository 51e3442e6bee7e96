using System.Text;
using MobileSource.Domain.Plates;

namespace MobileSource.HardwareSim.RemoteSensing;

/// <summary>
/// The vehicles that pass the simulated sites: diesel trucks (yellow plates) and gasoline cars (blue), of China III-VI,
/// a known share of them high emitters (older stages more often). The same seed gives the same fleet.
/// </summary>
public sealed class RsdFleet
{
    private static readonly string[] Operators =
    [
        "鹤壁市宏达物流有限公司", "鹤壁市顺通运输有限公司", "淇县鑫源货运有限公司", "浚县恒泰运输有限公司", "鹤壁市城建渣土运输有限公司",
        "河南鹤淇物流有限公司", "鹤壁市公共交通有限公司", "山城区安达货运部",
    ];

    public IReadOnlyList<RsdVehicle> Vehicles { get; }

    private RsdFleet(IReadOnlyList<RsdVehicle> vehicles) => Vehicles = vehicles;

    /// <param name="dieselShare">Share of diesel vehicles; the rest burn gasoline.</param>
    /// <param name="highEmitterShare">Share of high emitters over the fleet (stage III twice as often as VI).</param>
    public static RsdFleet Create(int seed, int size, double dieselShare, double highEmitterShare)
    {
        var rng = new Random(seed);
        var used = new HashSet<string>();
        var vehicles = new List<RsdVehicle>(size);
        for (var i = 0; i < size; i++)
        {
            var diesel = rng.NextDouble() < dieselShare;
            var stage = diesel ? Pick(rng, [(3, 0.15), (4, 0.25), (5, 0.35), (6, 0.25)]) : Pick(rng, [(4, 0.2), (5, 0.45), (6, 0.35)]);
            // Relative odds by stage (III 2.0 .. VI 0.5), scaled so the fleet share comes out near the wanted one.
            var odds = stage switch { 3 => 2.0, 4 => 1.4, 5 => 0.9, _ => 0.5 };
            var highEmitter = rng.NextDouble() < Math.Min(1, highEmitterShare * odds / 1.05);
            vehicles.Add(new RsdVehicle(
                NextPlate(rng, used),
                diesel ? "1" : "2",
                diesel ? 'B' : 'A',
                stage,
                highEmitter,
                diesel ? Operators[rng.Next(Operators.Length)] : "",
                Vin(rng)));
        }
        return new RsdFleet(vehicles);
    }

    /// <summary>The fleet as a vehicle registry export (the columns `POST /api/registry/import` reads).</summary>
    public string RegistryCsv()
    {
        var csv = new StringBuilder("hphm,cpys,hpzl,clsbdh,rlzl,pfbzjd,clxh,syxz,ccdjrq,syr,yyqy\n");
        foreach (var v in Vehicles)
        {
            var (colour, type) = v.Fuel == 'B' ? ("黄", "01") : ("蓝", "02");
            var owner = v.FleetOperator.Length > 0 ? v.FleetOperator : "个人";
            csv.Append($"{v.Plate},{colour},{type},{v.Vin},{v.Fuel},国{Roman(v.EmissionStage)},SIM-{v.Fuel}{v.EmissionStage},{(v.Fuel == 'B' ? "B" : "A")},2016-03-01,{owner},{v.FleetOperator}\n");
        }
        return csv.ToString();
    }

    private static string NextPlate(Random rng, HashSet<string> used)
    {
        const string serialChars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        while (true)
        {
            var prefix = rng.NextDouble() < 0.8 ? "豫F" : "豫" + "ABCDEGHJKLMNPQRSU"[rng.Next(17)];
            var serial = new char[5];
            for (var i = 0; i < 5; i++)
            {
                serial[i] = (char)('0' + rng.Next(10));
            }
            if (rng.Next(3) == 0)
            {
                serial[rng.Next(5)] = serialChars[10 + rng.Next(serialChars.Length - 10)];
            }
            var plate = PlateNumber.Parse(prefix + new string(serial)).Value;
            if (used.Add(plate))
            {
                return plate;
            }
        }
    }

    private static string Vin(Random rng)
    {
        const string chars = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        var vin = new char[17];
        for (var i = 0; i < vin.Length; i++)
        {
            vin[i] = chars[rng.Next(chars.Length)];
        }
        return new string(vin);
    }

    private static int Pick(Random rng, (int Value, double Weight)[] choices)
    {
        var roll = rng.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return value;
            }
        }
        return choices[^1].Value;
    }

    private static string Roman(int stage) => stage switch { 3 => "III", 4 => "IV", 5 => "V", _ => "VI" };
}
