namespace MobileSource.Vision.Analysis;

/// <summary>Which way vehicles move through the image; decides where "behind the vehicle" is.</summary>
public enum TravelDirection
{
    /// <summary>Vehicles drive away from the camera (up the image); rear plate visible; smoke trails below.</summary>
    Away,
    /// <summary>Vehicles drive toward the camera (down the image); smoke trails above.</summary>
    Toward,
    LeftToRight,
    RightToLeft,
}
