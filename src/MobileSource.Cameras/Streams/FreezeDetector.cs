using OpenCvSharp;

namespace MobileSource.Cameras.Streams;

/// <summary>
/// Counts how many frames in a row show the same image, on a small grey thumbnail. A frozen encoder repeats
/// identical pictures; a live camera's sensor noise, compression and clock overlay keep changing them.
/// </summary>
internal sealed class FreezeDetector(int freezeFrames, double tolerance = 0.1) : IDisposable
{
    private static readonly Size ThumbSize = new(160, 90);
    private Mat _previous = new();
    private Mat _current = new();
    private readonly Mat _grey = new();

    public int Repeats { get; private set; }

    public bool IsFrozen => Repeats >= freezeFrames;

    /// <summary>Returns true when this frame makes the stream frozen.</summary>
    public bool Observe(Mat frame)
    {
        Cv2.CvtColor(frame, _grey, ColorConversionCodes.BGR2GRAY);
        Cv2.Resize(_grey, _current, ThumbSize, interpolation: InterpolationFlags.Area);
        if (!_previous.Empty())
        {
            var meanDiff = Cv2.Norm(_previous, _current, NormTypes.L1) / (ThumbSize.Width * ThumbSize.Height);
            Repeats = meanDiff <= tolerance ? Repeats + 1 : 0;
        }
        (_previous, _current) = (_current, _previous);
        return IsFrozen;
    }

    public void Reset()
    {
        Repeats = 0;
        _previous.Dispose();
        _previous = new Mat();
    }

    public void Dispose()
    {
        _previous.Dispose();
        _current.Dispose();
        _grey.Dispose();
    }
}
