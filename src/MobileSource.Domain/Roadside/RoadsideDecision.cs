using System.Globalization;

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
            return fineYuan is > 0 ? "a released vehicle is not fined" : null;
        }
        if (checkPassed)
        {
            return $"the vehicle passed the check: code {ViolationCode} penalises only failed emissions";
        }
        return fineYuan is null or 0 or (>= MinFineYuan and <= MaxFineYuan)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"a {ViolationCode} fine is {MinFineYuan}-{MaxFineYuan} yuan (0 or none: a warning)");
    }
}
