namespace MobileSource.Cameras.Captures;

public static class PlateSources
{
    /// <summary>Our own OCR on the video.</summary>
    public const string Vision = "vision";
    /// <summary>The camera's built-in ANPR event.</summary>
    public const string Anpr = "anpr";
}
