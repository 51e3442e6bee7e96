using System.Text.Json;

namespace MobileSource.Vision.Smoke;

/// <summary>
/// What the smoke models beside this file were trained on beyond the hand-made features (smoke-inputs.json, written by
/// `train-smoke`): a level model trained with the smoke patch network's readings reads levels a whole level off without
/// them, so the network must be there when the models are loaded.
/// </summary>
public sealed record SmokeModelInputs(bool SmokePatchNetwork)
{
    public const string FileName = "smoke-inputs.json";

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));

    /// <summary>The inputs recorded in <paramref name="path"/>; none beyond the features where there is no such file (models older than the record).</summary>
    public static SmokeModelInputs Load(string path)
    {
        if (!File.Exists(path)) return new SmokeModelInputs(false);
        try
        {
            return JsonSerializer.Deserialize<SmokeModelInputs>(File.ReadAllText(path))
                   ?? throw new InvalidDataException($"smoke model inputs {path}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"smoke model inputs {path} is not valid JSON: {e.Message}", e);
        }
    }
}
