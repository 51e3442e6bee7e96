namespace MobileSource.Vision.Analysis;

/// <summary>
/// What the analyzer sees of one frame: the frame at analysis resolution and the learned road background, both
/// row-major BGR. Valid only during the call it is passed to (the arrays are reused for the next frame).
/// </summary>
/// <param name="Background">The background's BGR (0-255, not yet scaled by <paramref name="Gain"/>).</param>
/// <param name="Gain">The frame's brightness relative to the background: background x gain is the road as lit now.</param>
public sealed record AnalysisImage(int Width, int Height, byte[] Bgr, float[] Background, float Gain)
{
    /// <summary>
    /// Value <paramref name="i"/> of the background as lit now, rounded to a byte: what the vehicle detector is fed and
    /// what its training data stores, so the two cannot drift apart.
    /// </summary>
    public byte LitBackground(int i) => (byte)Math.Clamp(Background[i] * Gain + 0.5f, 0f, 255f);
}
