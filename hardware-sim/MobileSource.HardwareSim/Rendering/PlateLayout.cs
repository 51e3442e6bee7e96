using MobileSource.Domain.Plates;
using SkiaSharp;

namespace MobileSource.HardwareSim.Rendering;

/// <summary>Character positions in millimetres for a 7-character (440 mm) or 8-character new-energy (480 mm) plate.</summary>
internal sealed class PlateLayout
{
    public const float HeightMm = 140f;
    private const float CharacterHeightMm = 90f;

    private readonly float _charWidth;
    private readonly float _gap;
    private readonly float _separatorGap;
    private readonly float _margin;

    private PlateLayout(float widthMm, float charWidth, float gap, float separatorGap, int count)
    {
        WidthMm = widthMm;
        _charWidth = charWidth;
        _gap = gap;
        _separatorGap = separatorGap;
        var used = count * charWidth + (count - 2) * gap + separatorGap;
        _margin = (widthMm - used) / 2;
    }

    public float WidthMm { get; }

    public float SeparatorCentreX => _margin + 2 * _charWidth + _gap + _separatorGap / 2;

    /// <summary>Rivet centres along the top, in the gaps either side of the middle characters.</summary>
    public float[] RivetXs => [SeparatorCentreX, CharacterBox(4).Right + _gap / 2];

    public static PlateLayout For(PlateNumber plate) => plate.IsNewEnergy
        ? new PlateLayout(480f, 43f, 9f, 49f, 8)
        : new PlateLayout(440f, 45f, 12f, 34f, 7);

    /// <summary>The box the character at <paramref name="index"/> fills (90 mm tall, vertically centred).</summary>
    public SKRect CharacterBox(int index)
    {
        // The separator gap replaces the ordinary gap between the 2nd and 3rd character.
        var gapsBefore = index < 2 ? index * _gap : _gap + _separatorGap + (index - 2) * _gap;
        var x = _margin + index * _charWidth + gapsBefore;
        var top = (HeightMm - CharacterHeightMm) / 2;
        return new SKRect(x, top, x + _charWidth, top + CharacterHeightMm);
    }
}
