using MobileSource.Domain.Plates;

namespace MobileSource.HardwareSim.Camera;

/// <summary>Random but valid plates: mostly Hebi (豫F), some other Henan cities, some other provinces.</summary>
internal static class PlateGenerator
{
    private const string SerialChars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string OtherHenan = "ABCDEGHJKLMNPQRSU";
    private const string OtherProvinces = "冀晋鲁皖鄂陕苏京";

    public static PlateNumber Next(Random rng, bool newEnergy, ISet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var prefix = Prefix(rng);
            var serial = newEnergy ? NewEnergySmallSerial(rng) : StandardSerial(rng);
            var plate = PlateNumber.Parse(prefix + serial);
            if (used.Add(plate.Value) || attempt > 50)
            {
                return plate;
            }
        }
    }

    private static string Prefix(Random rng)
    {
        var roll = rng.NextDouble();
        if (roll < 0.75)
        {
            return "豫F";
        }
        if (roll < 0.9)
        {
            return "豫" + OtherHenan[rng.Next(OtherHenan.Length)];
        }
        return OtherProvinces[rng.Next(OtherProvinces.Length)] + ((char)('A' + rng.Next(8))).ToString();
    }

    // Mostly digits with one or two letters, as issued.
    private static string StandardSerial(Random rng)
    {
        var chars = new char[5];
        for (var i = 0; i < 5; i++)
        {
            chars[i] = Digits[rng.Next(Digits.Length)];
        }
        var letters = rng.Next(3);
        for (var i = 0; i < letters; i++)
        {
            chars[rng.Next(5)] = SerialChars[10 + rng.Next(SerialChars.Length - 10)];
        }
        return new string(chars);
    }

    // Small new-energy: D or F, one digit or letter, four digits.
    private static string NewEnergySmallSerial(Random rng)
    {
        var marker = rng.Next(2) == 0 ? 'D' : 'F';
        var second = SerialChars[rng.Next(SerialChars.Length)];
        var rest = string.Concat(Enumerable.Range(0, 4).Select(_ => Digits[rng.Next(10)]));
        return $"{marker}{second}{rest}";
    }
}
