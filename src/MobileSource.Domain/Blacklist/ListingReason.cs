namespace MobileSource.Domain.Blacklist;

/// <summary>Why a vehicle was put on the blacklist (河南省超标车辆"黑名单"管理办法).</summary>
public enum ListingReason
{
    RemoteSensingOverLimit = 1,
    BlackSmokeCapture = 2,
    RoadsideCheckFailed = 3,
    InspectionFailed = 4,
    ObdFaultOrTampering = 5,
}
