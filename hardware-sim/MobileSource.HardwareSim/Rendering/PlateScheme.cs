using MobileSource.Domain.Plates;
using SkiaSharp;

namespace MobileSource.HardwareSim.Rendering;

/// <summary>Background and ink of a plate colour: blue/white, yellow/black, new-energy green gradient/black, ...</summary>
internal sealed class PlateScheme
{
    private readonly SKColor[] _background;
    private readonly bool _splitLeftRight;

    private PlateScheme(SKColor ink, params SKColor[] background)
    {
        Ink = ink;
        _background = background;
    }

    private PlateScheme(SKColor ink, SKColor left, SKColor right, bool splitLeftRight)
        : this(ink, left, right) => _splitLeftRight = splitLeftRight;

    public SKColor Ink { get; }

    public static PlateScheme For(PlateColour colour, bool newEnergy) => colour switch
    {
        PlateColour.Blue => new PlateScheme(new SKColor(245, 248, 250), new SKColor(20, 70, 190), new SKColor(10, 52, 160)),
        PlateColour.Yellow => new PlateScheme(new SKColor(15, 15, 15), new SKColor(250, 200, 20), new SKColor(232, 176, 10)),
        // Small new-energy cars: white fading to green from top to bottom.
        PlateColour.Green => new PlateScheme(new SKColor(15, 15, 15), new SKColor(242, 250, 244), new SKColor(120, 205, 140), new SKColor(40, 170, 90)),
        // Large new-energy vehicles: yellow left part, green right part.
        PlateColour.YellowGreen => new PlateScheme(new SKColor(15, 15, 15), new SKColor(250, 200, 20), new SKColor(60, 175, 90), splitLeftRight: true),
        PlateColour.White => new PlateScheme(new SKColor(15, 15, 15), new SKColor(248, 248, 248), new SKColor(230, 230, 230)),
        PlateColour.Black => new PlateScheme(new SKColor(245, 245, 245), new SKColor(25, 25, 25), new SKColor(10, 10, 10)),
        _ => newEnergy
            ? For(PlateColour.Green, true)
            : new PlateScheme(new SKColor(15, 15, 15), new SKColor(200, 200, 200), new SKColor(170, 170, 170)),
    };

    public SKShader BackgroundShader(SKRect plate)
    {
        if (_splitLeftRight)
        {
            return SKShader.CreateLinearGradient(new SKPoint(plate.Left, 0), new SKPoint(plate.Right, 0),
                [_background[0], _background[0], _background[1], _background[1]], [0f, 0.33f, 0.33f, 1f], SKShaderTileMode.Clamp);
        }
        return SKShader.CreateLinearGradient(new SKPoint(0, plate.Top), new SKPoint(0, plate.Bottom),
            _background, null, SKShaderTileMode.Clamp);
    }
}
