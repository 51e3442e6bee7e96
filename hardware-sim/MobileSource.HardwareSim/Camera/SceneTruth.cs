using System.Text.Json;
using System.Text.Json.Serialization;

namespace MobileSource.HardwareSim.Camera;

/// <summary>
/// Ground truth of one vehicle, as written to truth.json. <see cref="SmokeVisibleFrames"/>: frames (at the scene's fps)
/// in which its plume core is in view and not hidden by another vehicle; 0 for a clean vehicle.
/// </summary>
public sealed record TruthVehicle(
    int Id,
    string Plate,
    string PlateColour,
    string Kind,
    string Class,
    bool Smoky,
    double Ringelmann,
    int FirstFrame,
    int LastFrame,
    int Lane,
    int SmokeVisibleFrames = 0);

/// <summary>Ground truth of a scene (truth.json, camelCase).</summary>
public sealed record SceneTruth(
    int Seed,
    int Width,
    int Height,
    int Fps,
    int FrameCount,
    string Lighting,
    bool Shadows,
    string TravelDirection,
    IReadOnlyList<TruthVehicle> Vehicles)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static SceneTruth From(SceneSpec scene) => new(
        scene.Seed,
        scene.Width,
        scene.Height,
        scene.Fps,
        scene.FrameCount,
        CamelCase(scene.Conditions.Lighting.ToString()),
        scene.Conditions.Shadows,
        "away",
        scene.Vehicles.Select(v => new TruthVehicle(
            v.Id,
            v.Plate.Value,
            CamelCase(v.PlateColour.ToString()),
            CamelCase(v.Kind.ToString()),
            v.IsHeavy ? "heavy" : "light",
            v.Smoky,
            v.Ringelmann,
            v.FirstFrame,
            v.LastFrame,
            v.Lane,
            SmokeVisibility.VisibleFrames(scene, v))).ToList());

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <exception cref="JsonException">The file is not a scene truth; the message names what is missing.</exception>
    public static SceneTruth FromJson(string json) =>
        JsonSerializer.Deserialize<SceneTruth>(json, JsonOptions) ?? throw new JsonException("truth.json holds null");

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
