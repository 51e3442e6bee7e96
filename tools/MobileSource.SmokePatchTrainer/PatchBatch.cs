using static TorchSharp.torch;

namespace MobileSource.SmokePatchTrainer;

/// <summary>Patches as the network's input (each byte / 255 - 0.5, as <c>SmokePatchModel</c> feeds them) and the loss.</summary>
internal static class PatchBatch
{
    private const int Plane = PatchNet.Side * PatchNet.Side;

    /// <param name="random">Training only: mirror left-right (traffic on the other side) and scale the brightness (other light).</param>
    public static Tensor Input(IReadOnlyList<LabelledPatch> patches, Random? random = null)
    {
        const int side = PatchNet.Side;
        var values = new float[patches.Count * PatchSet.Length];
        for (var k = 0; k < patches.Count; k++)
        {
            var pixels = patches[k].Pixels;
            var mirror = random is not null && random.Next(2) == 0;
            var gain = (random is null ? 1f : (float)(0.8 + 0.4 * random.NextDouble())) / 255f;
            var offset = k * PatchSet.Length;
            for (var c = 0; c < PatchNet.InputChannels; c++)
            for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
                values[offset + c * Plane + y * side + x] = Math.Min(1f, pixels[c * Plane + y * side + (mirror ? side - 1 - x : x)] * gain) - 0.5f;
        }
        return tensor(values, [patches.Count, PatchNet.InputChannels, side, side]);
    }

    /// <summary>Cross-entropy on the smoke logit, plus the level's absolute error (in levels / 5) on smoke patches.</summary>
    public static Tensor Loss(Tensor output, IReadOnlyList<LabelledPatch> patches)
    {
        var labels = tensor(patches.Select(p => p.Smoke ? 1f : 0f).ToArray());
        var levels = tensor(patches.Select(p => p.Level / 5f).ToArray());
        var smoke = nn.functional.binary_cross_entropy_with_logits(output[.., 0], labels);
        var level = ((output[.., 1] - levels).abs() * labels).sum() / labels.sum().clamp_min(1f);
        return smoke + level;
    }
}
