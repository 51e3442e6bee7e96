using MobileSource.Domain.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Plates;

/// <summary>One generated test image: a plate of known text and colour inside a vehicle-like scene.</summary>
internal sealed record PlateSample(string Plate, PlateColour Colour, int HeightPx, string Condition, Mat Image, Rect PlateBox) : IDisposable
{
    public void Dispose() => Image.Dispose();
}

/// <summary>
/// Random valid plates (half of them 豫, Hebi's province) rendered by the simulator at 22-50 px, each with one
/// random degradation, in a vehicle-like scene. Deterministic for a seed. Also used by the plate-ocr benchmark.
/// </summary>
internal static class PlateSamples
{
    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private static readonly string[] Conditions = ["clean", "blur", "noise", "jpeg", "rotated", "perspective", "dusk"];

    public static IEnumerable<PlateSample> Generate(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (plate, colour) = RandomPlate(random);
            var height = random.Next(22, 51);
            var condition = Conditions[random.Next(Conditions.Length)];
            var body = new Scalar(random.Next(30, 230), random.Next(30, 230), random.Next(30, 230));
            yield return Make(plate, colour, height, condition, body, random.Next());
        }
    }

    public static PlateSample Make(string plate, PlateColour colour, int height, string condition, Scalar body, int seed = 1)
    {
        var rotate = condition == "rotated" ? (seed % 2 == 0 ? 6 : -6) : 0;
        var perspective = condition == "perspective" ? 0.12 : 0;
        using var scene = PlateImages.Vehicle(plate, colour, height, body, out var box, rotate, perspective);
        var image = condition switch
        {
            "blur" => PlateImages.Blur(scene, 3),
            "noise" => PlateImages.Noise(scene, 12, seed),
            "jpeg" => PlateImages.Jpeg(scene, 35),
            "dusk" => PlateImages.Dusk(scene),
            _ => scene.Clone(),
        };
        return new PlateSample(plate, colour, height, condition, image, box);
    }

    public static (string Plate, PlateColour Colour) RandomPlate(Random random)
    {
        var province = random.Next(2) == 0 ? '豫' : Provinces[random.Next(Provinces.Length)];
        var authority = province == '豫' ? 'F' : Letters[random.Next(Letters.Length)];
        char Pick(string from) => from[random.Next(from.Length)];
        var kind = random.Next(10);
        if (kind < 7)
        {
            // Standard: five serial characters, at most two of them letters.
            var serial = new char[5];
            for (var i = 0; i < 5; i++)
            {
                serial[i] = Pick(Digits);
            }
            for (var letters = random.Next(3); letters > 0; letters--)
            {
                serial[random.Next(5)] = Pick(Letters);
            }
            return ($"{province}{authority}{new string(serial)}", random.Next(3) == 0 ? PlateColour.Yellow : PlateColour.Blue);
        }
        var marker = random.Next(2) == 0 ? 'D' : 'F';
        if (kind < 9)
        {
            var small = $"{marker}{Pick(Letters + Digits)}{random.Next(10000):D4}";
            return ($"{province}{authority}{small}", PlateColour.Green);
        }
        return ($"{province}{authority}{random.Next(100000):D5}{marker}", PlateColour.YellowGreen);
    }
}
