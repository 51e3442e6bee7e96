using MobileSource.Domain.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>
/// A place in an image that may hold a plate: its rotated outline (image coordinates), the axis-aligned bounds,
/// how plate-like it looked (0-1) and the colour that found it, if colour did. <see cref="Corners"/>, when found,
/// are the plate's four corners (top-left, top-right, bottom-right, bottom-left), which also undo perspective.
/// </summary>
public sealed record PlateCandidate(RotatedRect Outline, Rect Bounds, double Score, PlateColour? ColourHint, Point2f[]? Corners = null);
