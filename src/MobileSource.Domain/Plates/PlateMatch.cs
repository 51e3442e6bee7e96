namespace MobileSource.Domain.Plates;

/// <summary>A known plate found for a read; approximate when look-alike substitutions were needed.</summary>
public sealed record PlateMatch(PlateNumber Plate, int Substitutions)
{
    public bool IsApproximate => Substitutions > 0;
}
