using System.Globalization;
using System.Text;

namespace MobileSource.Benchmarks.Generation;

/// <summary>
/// A realistic Hebi (豫F) registry export: the <see cref="DemoVehicles"/> first, then a seeded random mix of about
/// 73 % blue-plate cars, 6 % green-plate new-energy cars, 12 % yellow-plate heavy trucks, 5 % blue-plate light trucks,
/// 3 % buses (some yellow-green electric) and 1 % driving-school cars, with stages, dates, VINs, owners and the
/// spellings (国III, 国3, China III, 黄 / 黄色 / police code, 柴油 / B, 2012/5/17 ...) real exports mix.
/// The same seed always gives the same file.
/// </summary>
internal sealed class RegistryGenerator(int seed)
{
    private const string SerialLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ"; // no I, O
    private static readonly string[] CarModels = ["SVW71810BU", "FV7156BACBG", "LZW6447PYF", "SGM7158DAA1", "HFC7151M1F", "GW7152F5", "JL7152L01", "BJ7152C5E", "DFL7168VAL2", "TV7152HB1"];
    private static readonly string[] CarWmis = ["LSV", "LFV", "LZW", "LSG", "LJ1", "LGW", "L6T", "LNB", "LGB", "LVS", "LHG"];
    private static readonly string[] NewEnergyModels = ["BYD7003BEV3", "BYD7152WT6HEVC3", "LZW7000EVFL1", "SQR7000BEVJ", "GAC7000BEVH0A"];
    private static readonly string[] TruckModels = ["CA4250P66K24T1E5", "ZZ4257N3247E1", "DFH4250A", "SX4250MB4", "CA1250P66K2L7T1E5", "ZZ1257N4347E1", "BJ4259SNFKB", "HFC4251P1K7E33S"];
    private static readonly string[] TruckWmis = ["LFW", "LZZ", "LGA", "LZG", "LRD", "LFN", "LJ1"];
    private static readonly string[] LightTruckModels = ["BJ1046V9JD6", "JX1041TG25", "HFC1041P93K1C2V", "EQ1041S3BDF", "SH1042PEGBNZ"];
    private static readonly string[] BusModels = ["ZK6105HGC", "ZK6850HNG", "XMQ6106AGD5", "ZK6125HQ", "SLK6109US5N5"];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _plates = new(DemoVehicles.All.Select(v => v.Plate));

    /// <summary>Writes the header and <paramref name="rows"/> rows (at least the demo vehicles).</summary>
    /// <param name="changedEvery">If above 0, every such row (after the demo vehicles) has a new owner: for update runs.</param>
    public static void Write(TextWriter writer, int rows, int seed, int changedEvery = 0)
    {
        var generator = new RegistryGenerator(seed);
        writer.Write(GeneratedVehicle.Header);
        writer.Write('\n');
        var i = 0;
        foreach (var vehicle in DemoVehicles.All.Concat(generator.Vehicles()).Take(Math.Max(rows, DemoVehicles.All.Count)))
        {
            var row = changedEvery > 0 && i >= DemoVehicles.All.Count && i % changedEvery == 0
                ? vehicle with { Owner = vehicle.Owner + "(变更)" }
                : vehicle;
            writer.Write(row.ToCsv());
            writer.Write('\n');
            i++;
        }
    }

    public static void WriteFile(string path, int rows, int seed, int changedEvery = 0)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        Write(writer, rows, seed, changedEvery);
    }

    public IEnumerable<GeneratedVehicle> Vehicles()
    {
        while (true)
        {
            var kind = _random.Next(100);
            yield return kind switch
            {
                < 73 => Car(),
                < 79 => NewEnergyCar(),
                < 91 => HeavyTruck(),
                < 96 => LightTruck(),
                < 99 => Bus(),
                _ => DrivingSchoolCar(),
            };
        }
    }

    private GeneratedVehicle Car()
    {
        var (level, sub, year) = Stage((3, 5), (4, 15), (5, 35), (6, 45));
        var fuel = Pick((90, "A"), (4, "汽油"), (4, "O"), (2, "E"));
        var taxi = fuel == "E" || _random.Next(100) < 3;
        return new GeneratedVehicle(
            UniquePlate(StandardSerial), Colour("蓝色", "蓝", "2"), "02", Vin.Create(_random, Any(CarWmis), year),
            fuel, StageSpellings.Write(_random, level, sub), Any(CarModels), taxi ? "D" : Pick((96, "A"), (4, "G")),
            Date(year), taxi ? HebiNames.Company(_random) : HebiNames.Person(_random), Pick((70, "K33"), (30, "K31")),
            null, KeyFleet: false, ObdConnected: false);
    }

    private GeneratedVehicle NewEnergyCar()
    {
        var hybrid = _random.Next(100) < 20;
        var year = 2016 + _random.Next(11);
        return new GeneratedVehicle(
            UniquePlate(SmallNewEnergySerial), Colour("绿色", "渐变绿", "4"), "52", Vin.Create(_random, Pick((60, "LGX"), (40, "LZW")), year),
            hybrid ? "O" : "C", hybrid ? StageSpellings.Write(_random, 6, year >= 2023 ? 'b' : null) : null, Any(NewEnergyModels), "A",
            Date(year), HebiNames.Person(_random), "K33", null, KeyFleet: false, ObdConnected: false);
    }

    private GeneratedVehicle HeavyTruck()
    {
        var (level, sub, year) = Stage((2, 2), (3, 13), (4, 20), (5, 35), (6, 30));
        var owner = HebiNames.Company(_random);
        var fleet = _random.Next(100) < 70 ? owner : null;
        var obd = level == 6 ? _random.Next(100) < 90 : level == 5 ? _random.Next(100) < 40 : _random.Next(100) < 5;
        var hazardous = owner.Contains("危险", StringComparison.Ordinal);
        return new GeneratedVehicle(
            UniquePlate(StandardSerial), Colour("黄色", "黄", "1"), "01", Vin.Create(_random, Any(TruckWmis), year),
            Pick((88, "B"), (4, "柴油"), (8, "E")), StageSpellings.Write(_random, level, sub), Any(TruckModels), hazardous ? "R" : "F",
            Date(year), owner, Pick((50, "Q11"), (40, "H01"), (10, "H11")),
            _random.Next(1000) == 0 && fleet is not null ? fleet + ",第二车队" : fleet, KeyFleet: fleet is not null && _random.Next(100) < 30, obd);
    }

    private GeneratedVehicle LightTruck()
    {
        var (level, sub, year) = Stage((3, 5), (4, 20), (5, 40), (6, 35));
        return new GeneratedVehicle(
            UniquePlate(StandardSerial), Colour("蓝色", "蓝", "2"), "02", Vin.Create(_random, Any(TruckWmis), year),
            Pick((60, "B"), (40, "A")), StageSpellings.Write(_random, level, sub), Any(LightTruckModels), "F",
            Date(year), _random.Next(2) == 0 ? HebiNames.Person(_random) : HebiNames.Company(_random), "H31",
            null, KeyFleet: false, ObdConnected: level == 6 && _random.Next(2) == 0);
    }

    private GeneratedVehicle Bus()
    {
        const string operator_ = "鹤壁市公共交通总公司";
        if (_random.Next(100) < 30)
        {
            var electricYear = 2017 + _random.Next(10);
            return new GeneratedVehicle(
                UniquePlate(LargeNewEnergySerial), Colour("黄绿色", "黄绿", "5"), "51", Vin.Create(_random, "LZY", electricYear),
                "C", null, Any(BusModels), "C", Date(electricYear), operator_, "K11", operator_, KeyFleet: true, ObdConnected: true);
        }
        var (level, sub, year) = Stage((3, 10), (4, 30), (5, 40), (6, 20));
        var city = _random.Next(100) < 60;
        var owner = city ? operator_ : HebiNames.Company(_random);
        return new GeneratedVehicle(
            UniquePlate(StandardSerial), Colour("黄色", "黄", "1"), "01", Vin.Create(_random, "LZY", year),
            Pick((70, "B"), (30, "E")), StageSpellings.Write(_random, level, sub), Any(BusModels), city ? "C" : "B",
            Date(year), owner, "K11", owner, KeyFleet: city, ObdConnected: level == 6);
    }

    private GeneratedVehicle DrivingSchoolCar()
    {
        var (level, sub, year) = Stage((4, 20), (5, 50), (6, 30));
        return new GeneratedVehicle(
            UniquePlate(() => StandardSerial()[..4] + "学"), Colour("黄色", "黄", "1"), "16", Vin.Create(_random, Any(CarWmis), year),
            "A", StageSpellings.Write(_random, level, sub), Any(CarModels), "N", Date(year), HebiNames.Company(_random).Replace("有限公司", "驾校", StringComparison.Ordinal),
            "K33", null, KeyFleet: false, ObdConnected: false);
    }

    /// <summary>A stage by weight, with a first-registration year that fits it (国VI b from mid-2023).</summary>
    private (int Level, char? Sub, int Year) Stage(params (int Level, int Weight)[] weights)
    {
        var level = Pick(weights.Select(w => (w.Weight, w.Level)).ToArray());
        var (from, to) = level switch
        {
            2 => (2003, 2007),
            3 => (2008, 2013),
            4 => (2012, 2017),
            5 => (2016, 2020),
            _ => (2019, 2026),
        };
        var year = from + _random.Next(to - from + 1);
        char? sub = level == 6 ? (year >= 2023 ? 'b' : _random.Next(3) == 0 ? 'a' : null) : null;
        return (level, sub, year);
    }

    private string Date(int year)
    {
        var day = new DateOnly(year, 1, 1).AddDays(_random.Next(365));
        if (day > new DateOnly(2026, 11, 1))
        {
            day = new DateOnly(2026, 11, 1).AddDays(-_random.Next(300));
        }
        return _random.Next(100) switch
        {
            < 80 => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            < 90 => day.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            < 96 => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00",
        };
    }

    private string Colour(string name, string shortName, string policeCode) => _random.Next(100) switch
    {
        < 80 => name,
        < 95 => shortName,
        _ => policeCode,
    };

    private string UniquePlate(Func<string> serial)
    {
        while (true)
        {
            var plate = "豫F" + serial();
            if (_plates.Add(plate))
            {
                return plate;
            }
        }
    }

    /// <summary>5 characters: all digits, a letter and 4 digits, two letters and 3 digits, or mixed.</summary>
    private string StandardSerial()
    {
        Span<char> s = stackalloc char[5];
        var letters = Pick((40, 0), (35, 1), (10, 2), (15, -1));
        for (var i = 0; i < 5; i++)
        {
            var letter = letters < 0 ? _random.Next(3) == 0 : i < letters;
            s[i] = letter ? SerialLetters[_random.Next(SerialLetters.Length)] : (char)('0' + _random.Next(10));
        }
        return new string(s);
    }

    private string SmallNewEnergySerial() =>
        $"{(_random.Next(4) == 0 ? 'F' : 'D')}{(_random.Next(2) == 0 ? SerialLetters[_random.Next(SerialLetters.Length)] : (char)('0' + _random.Next(10)))}{_random.Next(10000):0000}";

    private string LargeNewEnergySerial() => $"{_random.Next(100000):00000}{(_random.Next(4) == 0 ? 'F' : 'D')}";

    private T Any<T>(T[] values) => values[_random.Next(values.Length)];

    private T Pick<T>(params (int Weight, T Value)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (weight, value) in choices)
        {
            if (roll < weight)
            {
                return value;
            }
            roll -= weight;
        }
        return choices[^1].Value;
    }
}
