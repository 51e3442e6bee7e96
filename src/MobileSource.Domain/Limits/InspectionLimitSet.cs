namespace MobileSource.Domain.Limits;

/// <summary>GB 3847-2018 limit columns: a (the general one) and b (the stricter one for designated areas).</summary>
public enum InspectionLimitSet
{
    A,
    B,
}
