namespace MobileSource.Benchmarks.Generation;

/// <summary>17-character VINs (ISO 3779) with a real check digit, from Chinese manufacturers' WMI codes.</summary>
internal static class Vin
{
    private const string Characters = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"; // no I, O, Q
    private const string YearCodes = "ABCDEFGHJKLMNPRSTVWXY"; // 2010 = A ... 2030 = Y; 2001-2009 are 1-9
    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    public static string Create(Random random, string wmi, int year)
    {
        var vin = new char[17];
        wmi.CopyTo(vin);
        for (var i = 3; i < 8; i++)
        {
            vin[i] = Characters[random.Next(Characters.Length)];
        }
        vin[9] = year < 2010 ? (char)('0' + Math.Clamp(year - 2000, 1, 9)) : YearCodes[Math.Min(year - 2010, YearCodes.Length - 1)];
        vin[10] = Characters[random.Next(Characters.Length)];
        for (var i = 11; i < 17; i++)
        {
            vin[i] = (char)('0' + random.Next(10));
        }
        vin[8] = CheckDigit(vin);
        return new string(vin);
    }

    private static char CheckDigit(char[] vin)
    {
        var sum = 0;
        for (var i = 0; i < vin.Length; i++)
        {
            sum += Value(vin[i]) * Weights[i];
        }
        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    private static int Value(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'H' => c - 'A' + 1,
        >= 'J' and <= 'N' => c - 'J' + 1,
        'P' => 7,
        'R' => 9,
        >= 'S' and <= 'Z' => c - 'S' + 2,
        _ => 0,
    };
}
