using System.Globalization;
using MobileSource.Domain.Text;

namespace MobileSource.Domain.Roadside;

/// <summary>What the officer decided after a roadside check: a penalty under traffic violation code 6063, or release.</summary>
public enum RoadsideDecisionKind
{
    Release,
    Penalty,
}

/// <summary>
/// Code 6063: driving a vehicle whose emissions fail on the road, a warning or a fine of 20-200 yuan
/// (../shared/reference/domain-facts.md). Only a failed check can be penalised under it.
/// </summary>
public static class RoadsideDecision
{
    public const string ViolationCode = "6063";
    public const int MinFineYuan = 20;
    public const int MaxFineYuan = 200;

    /// <summary>The problem with the decision, or null when it stands. A fine of 0 or none is a warning.</summary>
    public static string? Check(RoadsideDecisionKind decision, bool checkPassed, int? fineYuan)
    {
        if (decision == RoadsideDecisionKind.Release)
        {
            return fineYuan is > 0 ? Bilingual.Text("a released vehicle is not fined", "放行的车辆不能罚款") : null;
        }
        if (checkPassed)
        {
            return Bilingual.Text($"the vehicle passed the check: code {ViolationCode} penalises only failed emissions",
                $"该车路检合格：{ViolationCode} 只处罚排放不合格的车辆");
        }
        return fineYuan is null or 0 or (>= MinFineYuan and <= MaxFineYuan)
            ? null
            : Bilingual.Text(
                string.Create(CultureInfo.InvariantCulture, $"a {ViolationCode} fine is {MinFineYuan}-{MaxFineYuan} yuan (0 or none: a warning)"),
                string.Create(CultureInfo.InvariantCulture, $"{ViolationCode} 罚款为 {MinFineYuan}-{MaxFineYuan} 元（0 或不填为警告）"));
    }
}
