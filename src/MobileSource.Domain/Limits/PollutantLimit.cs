namespace MobileSource.Domain.Limits;

/// <summary>A limit in the pollutant's own unit (see <see cref="Pollutant"/>).</summary>
public readonly record struct PollutantLimit(Pollutant Pollutant, double Limit);
