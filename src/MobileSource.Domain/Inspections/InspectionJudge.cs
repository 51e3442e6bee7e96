using System.Globalization;
using MobileSource.Domain.Limits;
using MobileSource.Domain.Text;

namespace MobileSource.Domain.Inspections;

/// <summary>Judges an I/M test by the limit set (a or b) in force; a value equal to its limit passes.</summary>
public static class InspectionJudge
{
    private const double MaxRingelmannLevel = 5;

    public static InspectionJudgement Judge(InspectionMethod method, InspectionValues values, InspectionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(limits);
        var failures = new Failures();
        var errors = new List<ValueError>();
        var setB = limits.Set == InspectionLimitSet.B;
        var set = setB ? "b" : "a";

        switch (method)
        {
            case InspectionMethod.FreeAcceleration:
                if (Measured(values.SmokeK, "smokeK", method, errors) is { } freeK)
                {
                    failures.Compare(freeK, setB ? limits.FreeAccelerationK_B : limits.FreeAccelerationK_A,
                        $"free acceleration smoke k {{0}} m-1 is above the limit {{1}} m-1 (limit {set})",
                        $"自由加速烟度 k 值 {{0}} m⁻¹ 超过限值 {{1}} m⁻¹（限值 {set}）");
                }
                break;
            case InspectionMethod.LugDown:
                if (Measured(values.SmokeK, "smokeK", method, errors) is { } lugK)
                {
                    failures.Compare(lugK, setB ? limits.LugDownK_B : limits.LugDownK_A,
                        $"lug-down smoke k {{0}} m-1 is above the limit {{1}} m-1 (limit {set})",
                        $"加载减速烟度 k 值 {{0}} m⁻¹ 超过限值 {{1}} m⁻¹（限值 {set}）");
                }
                if (Measured(values.NoxPpm, "noxPpm", method, errors) is { } nox)
                {
                    failures.Compare(nox, setB ? limits.LugDownNoxPpm_B : limits.LugDownNoxPpm_A,
                        $"lug-down NOx {{0}} ppm is above the limit {{1}} ppm (limit {set})",
                        $"加载减速 NOx {{0}} ppm 超过限值 {{1}} ppm（限值 {set}）");
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
                        errors.Add(new("ringelmannLevel", Bilingual.Text(
                            Invariant($"values.ringelmannLevel must be between 0 and 5, got {level}"),
                            Invariant($"林格曼级数应在 0 到 5 之间，填写的是 {level}"))));
                    }
                    else
                    {
                        failures.Compare(level, limits.RingelmannLevel, "Ringelmann level {0} is above the limit {1}", "林格曼黑度 {0} 级超过限值 {1} 级");
                    }
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "unknown inspection method");
        }
        return new InspectionJudgement(failures.English.Count == 0 && errors.Count == 0, failures.English, errors, failures.Chinese);
    }

    private static void JudgeObd(InspectionValues values, Failures failures, List<ValueError> errors)
    {
        switch (values.ObdCommunicationOk)
        {
            case null:
                errors.Add(Required("obdCommunicationOk", "OBD 通讯是否正常", "Obd"));
                return;
            case false:
                // Nothing else can be read without communication.
                failures.Add("OBD communication failed", "OBD 通讯失败");
                return;
        }
        if (values.ObdMilOn == true)
        {
            failures.Add("OBD malfunction indicator lamp is on", "OBD 故障指示灯亮");
        }
        switch (values.ObdFaultCodes)
        {
            case null:
                errors.Add(Required("obdFaultCodes", "OBD 故障码数", "Obd"));
                break;
            case < 0:
                errors.Add(new("obdFaultCodes", Bilingual.Text($"values.obdFaultCodes must not be negative, got {values.ObdFaultCodes}",
                    $"OBD 故障码数不能为负数，填写的是 {values.ObdFaultCodes}")));
                break;
            case > 0:
                failures.Add($"OBD reports {values.ObdFaultCodes} fault code(s)", $"OBD 报告 {values.ObdFaultCodes} 个故障码");
                break;
        }
        switch (values.ObdReadiness)
        {
            case null:
                errors.Add(Required("obdReadiness", "就绪状态是否完成", "Obd"));
                break;
            case false:
                failures.Add("OBD readiness monitors are not complete", "OBD 就绪状态未完成");
                break;
        }
    }

    private static double? Measured(double? value, string field, InspectionMethod method, List<ValueError> errors)
    {
        var name = ChineseName(field);
        switch (value)
        {
            case null:
                errors.Add(Required(field, name, method.ToString()));
                return null;
            case { } v when !double.IsFinite(v):
                errors.Add(new(field, Bilingual.Text($"values.{field} is not a number", $"{name}不是有效数字")));
                return null;
            case < 0:
                errors.Add(new(field, Bilingual.Text(Invariant($"values.{field} must not be negative, got {value}"),
                    Invariant($"{name}不能为负数，填写的是 {value}"))));
                return null;
            default:
                return value;
        }
    }

    private static ValueError Required(string field, string chineseName, string method) =>
        new(field, Bilingual.Text($"values.{field} is required for {method}", $"{ChineseMethod(method)}须填写“{chineseName}”"));

    private static string ChineseName(string field) => field switch
    {
        "smokeK" => "烟度 k 值",
        "noxPpm" => "NOx 浓度",
        "ringelmannLevel" => "林格曼级数",
        _ => field,
    };

    private static string ChineseMethod(string method) => method switch
    {
        nameof(InspectionMethod.FreeAcceleration) => "自由加速法",
        nameof(InspectionMethod.LugDown) => "加载减速法",
        nameof(InspectionMethod.Obd) => "OBD 检查",
        nameof(InspectionMethod.Ringelmann) => "林格曼黑度法",
        _ => method,
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Each failure in English (as recorded) and in Chinese (for a Chinese reader).</summary>
    private sealed class Failures
    {
        public List<string> English { get; } = [];
        public List<string> Chinese { get; } = [];

        public void Add(string english, string chinese)
        {
            English.Add(english);
            Chinese.Add(chinese);
        }

        public void Compare(double value, double limit, string englishFormat, string chineseFormat)
        {
            if (value > limit)
            {
                Add(string.Format(CultureInfo.InvariantCulture, englishFormat, value, limit),
                    string.Format(CultureInfo.InvariantCulture, chineseFormat, value, limit));
            }
        }
    }
}
