using MobileSource.Domain.Plates;
using SkiaSharp;

namespace MobileSource.HardwareSim.Rendering;

/// <summary>
/// Draws Chinese civil plates to GA 36-2018 proportions: 440x140 mm (new-energy 480x140 mm), characters 45x90 mm
/// (new-energy 43x90 mm), a separator dot between the 2nd and 3rd character, border in the character colour, rivets.
/// </summary>
public static class PlateRenderer
{
    /// <summary>A front-on plate image <paramref name="heightPx"/> tall, width from the plate's aspect ratio.</summary>
    public static SKBitmap Render(PlateNumber plate, PlateColour colour, int heightPx)
    {
        if (plate.Value.Length == 0)
        {
            throw new ArgumentException("plate is empty (default PlateNumber)", nameof(plate));
        }
        if (heightPx < 8)
        {
            throw new ArgumentOutOfRangeException(nameof(heightPx), heightPx, "plate height must be at least 8 px");
        }
        var layout = PlateLayout.For(plate);
        var scale = heightPx / PlateLayout.HeightMm;
        var widthPx = (int)Math.Round(layout.WidthMm * scale);
        var bitmap = new SKBitmap(new SKImageInfo(widthPx, heightPx, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(widthPx / layout.WidthMm, (float)scale);
        DrawPlate(canvas, plate, colour, layout);
        return bitmap;
    }

    /// <summary>The same image as PNG bytes, for OpenCV users (Cv2.ImDecode) who do not reference Skia.</summary>
    public static byte[] RenderPng(PlateNumber plate, PlateColour colour, int heightPx)
    {
        using var bitmap = Render(plate, colour, heightPx);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Draws the plate into <paramref name="canvas"/> in millimetre units (origin top-left of the plate).</summary>
    internal static void DrawPlate(SKCanvas canvas, PlateNumber plate, PlateColour colour, PlateLayout layout)
    {
        var scheme = PlateScheme.For(colour, plate.IsNewEnergy);
        var outer = new SKRect(0, 0, layout.WidthMm, PlateLayout.HeightMm);
        using (var background = new SKPaint { IsAntialias = true })
        {
            background.Shader = scheme.BackgroundShader(outer);
            canvas.DrawRoundRect(outer, 8, 8, background);
        }
        using (var border = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f, Color = scheme.Ink })
        {
            var inset = outer;
            inset.Inflate(-4.5f, -4.5f);
            canvas.DrawRoundRect(inset, 5, 5, border);
        }
        DrawRivets(canvas, layout, scheme);
        DrawCharacters(canvas, plate.Value, layout, scheme.Ink);
        using var dot = new SKPaint { IsAntialias = true, Color = scheme.Ink };
        canvas.DrawCircle(layout.SeparatorCentreX, PlateLayout.HeightMm / 2, 5, dot);
    }

    private static void DrawRivets(SKCanvas canvas, PlateLayout layout, PlateScheme scheme)
    {
        using var rivet = new SKPaint { IsAntialias = true };
        foreach (var x in layout.RivetXs)
        {
            var centre = new SKPoint(x, 12.5f);
            rivet.Shader = SKShader.CreateRadialGradient(
                new SKPoint(centre.X - 1.2f, centre.Y - 1.2f), 5f,
                [new SKColor(235, 235, 235), new SKColor(150, 150, 150), scheme.Ink.WithAlpha(200)],
                [0f, 0.7f, 1f], SKShaderTileMode.Clamp);
            canvas.DrawCircle(centre, 4.5f, rivet);
        }
    }

    private static void DrawCharacters(SKCanvas canvas, string text, PlateLayout layout, SKColor ink)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = ink };
        for (var i = 0; i < text.Length; i++)
        {
            var box = layout.CharacterBox(i);
            var isChinese = text[i] > 0x7F;
            // Chinese glyphs keep a little margin inside their box; letters and digits fill it like the plate typeface.
            if (isChinese)
            {
                box.Inflate(-1.5f, -3f);
            }
            var typeface = isChinese ? SimFonts.CjkBold : SimFonts.CondensedBold;
            DrawGlyphInBox(canvas, text[i].ToString(), typeface, box, paint, isChinese ? 0f : 0.6f);
        }
    }

    /// <summary>Stretches one glyph's ink bounds to fill <paramref name="box"/>; <paramref name="embolden"/> thickens strokes (mm).</summary>
    private static void DrawGlyphInBox(SKCanvas canvas, string glyph, SKTypeface typeface, SKRect box, SKPaint paint, float embolden)
    {
        using var font = new SKFont(typeface, 100f) { Subpixel = true, Edging = SKFontEdging.Antialias };
        font.MeasureText(glyph, out var bounds, paint);
        if (bounds.Width <= 0 || bounds.Height <= 0)
        {
            return;
        }
        // The '1' is narrow on real plates too: keep its aspect instead of stretching it to a full box.
        var sx = box.Width / bounds.Width;
        var sy = box.Height / bounds.Height;
        if (glyph == "1")
        {
            sx = Math.Min(sx, sy * 1.15f);
        }
        canvas.Save();
        canvas.Translate(box.MidX - bounds.MidX * sx, box.MidY - bounds.MidY * sy);
        canvas.Scale(sx, sy);
        if (embolden > 0)
        {
            using var stroke = paint.Clone();
            stroke.Style = SKPaintStyle.StrokeAndFill;
            stroke.StrokeWidth = embolden / Math.Min(sx, sy);
            canvas.DrawText(glyph, 0, 0, SKTextAlign.Left, font, stroke);
        }
        else
        {
            canvas.DrawText(glyph, 0, 0, SKTextAlign.Left, font, paint);
        }
        canvas.Restore();
    }
}
