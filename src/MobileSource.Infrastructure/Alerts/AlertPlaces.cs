namespace MobileSource.Infrastructure.Alerts;

/// <summary>
/// How an alert names where a vehicle was seen. Officers' checkpoints are these names, so the places an administrator
/// can assign are built here the same way the alerts are.
/// </summary>
public static class AlertPlaces
{
    public static string OfSensingSite(string siteNo) => $"remote-sensing site {siteNo}";

    public static string OfCamera(string cameraId, string site) => $"camera {cameraId} at {site}";
}
