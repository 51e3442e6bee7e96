namespace MobileSource.Vision.Plates;

/// <summary>
/// What the province character of one read was judged from: the glyph as <see cref="ProvinceGlyph"/> cut it, the OCR
/// model's largest probability of the home province and of any other province over the character's steps, and the
/// province glyph classifier's probability of the home province (null without one).
/// </summary>
public sealed record ProvinceEvidence(byte[] Glyph, float OcrHome, float OcrOther, float? GlyphHome);
