using System.Globalization;
using MobileSource.Domain.Limits;

namespace MobileSource.Domain.Inspections;

/// <summary>Judges an I/M test by the limit set (a or b) in force; a value equal to its limit passes.</summary>
public static class InspectionJudge
{
    private const double MaxRingelmannLevel = 5;

    public static InspectionJudgement Judge(InspectionMethod method, InspectionValues values, InspectionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(limits);
        var failures = new List<string>();
        var errors = new List<string>();
        var setB = limits.Set == InspectionLimitSet.B;
        var set = setB ? "b" : "a";

        switch (method)
        {
            case InspectionMethod.FreeAcceleration:
                if (Measured(values.SmokeK, "smokeK", method, errors) is { } freeK)
                {
                    Compare(freeK, setB ? limits.FreeAccelerationK_B : limits.FreeAccelerationK_A, $"free acceleration smoke k {{0}} m-1 is above the limit {{1}} m-1 (limit {set})", failures);
                }
                break;
            case InspectionMethod.LugDown:
                if (Measured(values.SmokeK, "smokeK", method, errors) is { } lugK)
                {
                    Compare(lugK, setB ? limits.LugDownK_B : limits.LugDownK_A, $"lug-down smoke k {{0}} m-1 is above the limit {{1}} m-1 (limit {set})", failures);
                }
                if (Measured(values.NoxPpm, "noxPpm", method, errors) is { } nox)
                {
                    Compare(nox, setB ? limits.LugDownNoxPpm_B : limits.LugDownNoxPpm_A, $"lug-down NOx {{0}} ppm is above the limit {{1}} ppm (limit {set})", failures);
                }
                break;
            case InspectionMethod.Obd:
                JudgeObd(values, failures, errors);
                break;
            case InspectionMethod.Ringelmann:
                if (Measured(values.RingelmannLevel, "ringelmannLevel", method, errors) is { } level)
                {
                    if (level > MaxRingelmannLevel)
                    {
                        errors.Add(Invariant($"values.ringelmannLevel must be between 0 and 5, got {level}"));
                    }
                    else
                    {
                        Compare(level, limits.RingelmannLevel, "Ringelmann level {0} is above the limit {1}", failures);
                    }
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "unknown inspection method");
        }
        return new InspectionJudgement(failures.Count == 0 && errors.Count == 0, failures, errors);
    }

    private static void JudgeObd(InspectionValues values, List<string> failures, List<string> errors)
    {
        switch (values.ObdCommunicationOk)
        {
            case null:
                errors.Add("values.obdCommunicationOk is required for Obd");
                return;
            case false:
                // Nothing else can be read without communication.
                failures.Add("OBD communication failed");
                return;
        }
        if (values.ObdMilOn == true)
        {
            failures.Add("OBD malfunction indicator lamp is on");
        }
        switch (values.ObdFaultCodes)
        {
            case null:
                errors.Add("values.obdFaultCodes is required for Obd");
                break;
            case < 0:
                errors.Add($"values.obdFaultCodes must not be negative, got {values.ObdFaultCodes}");
                break;
            case > 0:
                failures.Add($"OBD reports {values.ObdFaultCodes} fault code(s)");
                break;
        }
        switch (values.ObdReadiness)
        {
            case null:
                errors.Add("values.obdReadiness is required for Obd");
                break;
            case false:
                failures.Add("OBD readiness monitors are not complete");
                break;
        }
    }

    private static double? Measured(double? value, string field, InspectionMethod method, List<string> errors)
    {
        switch (value)
        {
            case null:
                errors.Add($"values.{field} is required for {method}");
                return null;
            case { } v when !double.IsFinite(v):
                errors.Add($"values.{field} is not a number");
                return null;
            case < 0:
                errors.Add(Invariant($"values.{field} must not be negative, got {value}"));
                return null;
            default:
                return value;
        }
    }

    private static void Compare(double value, double limit, string failureFormat, List<string> failures)
    {
        if (value > limit)
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, failureFormat, value, limit));
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
