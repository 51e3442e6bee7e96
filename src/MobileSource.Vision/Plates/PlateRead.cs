using MobileSource.Domain.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>A plate read from an image: normalized text (e.g. 豫F12345), confidence 0-1, colour and where it was in the image.</summary>
public sealed record PlateRead(string Text, double Confidence, PlateColour Colour, Rect Box)
{
    /// <summary>What the province was judged from, when the recogniser keeps it.</summary>
    public ProvinceEvidence? Province { get; init; }
}
