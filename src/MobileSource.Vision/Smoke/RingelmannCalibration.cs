using System.Text.Json;

namespace MobileSource.Vision.Smoke;

/// <summary>
/// A straight line from a track's median per-frame level to the vehicle's Ringelmann level. The per-frame level model,
/// like any regression on noisy features, pulls its answers toward the middle of the scale, and the median over frames
/// keeps that pull: faint plumes were read high (+0.25 at level 1 on validation) and dense ones low (-0.42 at level 4).
/// The line is fitted by least squares on tracks of the training scenes whose frame levels came from a level model
/// that never saw them (<c>analyze train-smoke</c>), and saved next to the level model.
/// </summary>
public sealed record RingelmannCalibration(double Intercept, double Slope)
{
    public const string FileName = "ringelmann-calibration.json";

    public static RingelmannCalibration Identity { get; } = new(0, 1);

    /// <summary>The calibrated level, kept on the 0-5 scale.</summary>
    public double Apply(double medianFrameLevel) => Math.Clamp(Intercept + Slope * medianFrameLevel, 0, 5);

    /// <summary>Least squares of the true levels on the measured ones; the identity when there is nothing to fit.</summary>
    public static RingelmannCalibration Fit(IReadOnlyList<(double Measured, double Truth)> tracks)
    {
        if (tracks.Count < 2) return Identity;
        var mx = tracks.Average(t => t.Measured);
        var my = tracks.Average(t => t.Truth);
        var sxx = tracks.Sum(t => (t.Measured - mx) * (t.Measured - mx));
        if (sxx < 1e-9) return Identity;
        var slope = tracks.Sum(t => (t.Measured - mx) * (t.Truth - my)) / sxx;
        return new RingelmannCalibration(my - slope * mx, slope);
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));

    public static RingelmannCalibration Load(string path)
    {
        try
        {
            var c = JsonSerializer.Deserialize<RingelmannCalibration>(File.ReadAllText(path));
            if (c is null || !double.IsFinite(c.Intercept) || !double.IsFinite(c.Slope) || c.Slope <= 0)
                throw new InvalidDataException($"Ringelmann calibration {path}: needs a finite Intercept and a positive Slope");
            return c;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Ringelmann calibration {path} is not valid JSON: {e.Message}", e);
        }
    }
}
