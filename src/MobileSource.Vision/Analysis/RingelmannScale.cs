namespace MobileSource.Vision.Analysis;

/// <summary>Ringelmann level from plume opacity: level N is about 20N % blackness, i.e. 5(1 - I/B).</summary>
public static class RingelmannScale
{
    public const double Step = 0.25;

    public static double FromOpacity(double opacity) => Quantize(5.0 * opacity);

    public static double Quantize(double level) => Math.Clamp(Math.Round(level / Step) * Step, 0, 5);
}
