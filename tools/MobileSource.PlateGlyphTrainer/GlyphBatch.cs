using static TorchSharp.torch;

namespace MobileSource.PlateGlyphTrainer;

/// <summary>Glyphs as the network's input (each byte / 255 - 0.5, as <c>ProvinceGlyphModel</c> feeds them) and the loss.</summary>
internal static class GlyphBatch
{
    /// <param name="random">Training only: shift by up to two pixels (the window placement varies) and scale the contrast.</param>
    public static Tensor Input(IReadOnlyList<LabelledGlyph> glyphs, Random? random = null)
    {
        const int side = GlyphSet.Side;
        var values = new float[glyphs.Count * GlyphSet.Length];
        for (var k = 0; k < glyphs.Count; k++)
        {
            var pixels = glyphs[k].Pixels;
            int dx = random?.Next(-2, 3) ?? 0, dy = random?.Next(-1, 2) ?? 0;
            var gain = random is null ? 1f : (float)(0.8 + 0.2 * random.NextDouble());
            var offset = k * GlyphSet.Length;
            for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
            {
                var sy = Math.Clamp(y + dy, 0, side - 1);
                var sx = Math.Clamp(x + dx, 0, side - 1);
                values[offset + y * side + x] = (pixels[sy * side + sx] / 255f - 0.5f) * gain;
            }
        }
        return tensor(values, [glyphs.Count, 1, side, side]);
    }

    /// <summary>
    /// Cross-entropy over the provinces, unweighted: with the home glyphs weighted down to the others' total a one-output
    /// version never left chance (8 epochs). The probabilities thus carry the training shares, which the model file
    /// records (<c>prior_shares</c>) for the decoder to divide out.
    /// </summary>
    public static Tensor Loss(Tensor output, IReadOnlyList<LabelledGlyph> glyphs, string provinces) =>
        nn.functional.cross_entropy(output, tensor(glyphs.Select(g => (long)provinces.IndexOf(g.Truth)).ToArray()));
}
