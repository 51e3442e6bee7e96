namespace MobileSource.Domain.Inspections;

/// <summary>Diesel I/M lane test methods (GB 3847-2018) and the OBD check.</summary>
public enum InspectionMethod
{
    /// <summary>Free acceleration smoke: light absorption coefficient k, m-1.</summary>
    FreeAcceleration,

    /// <summary>Lug-down (加载减速): light absorption coefficient k, m-1, and NOx, ppm.</summary>
    LugDown,

    /// <summary>OBD: communication, MIL and fault codes, readiness.</summary>
    Obd,

    /// <summary>Ringelmann blackness by observation.</summary>
    Ringelmann,
}
