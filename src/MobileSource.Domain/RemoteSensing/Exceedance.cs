using MobileSource.Domain.Limits;

namespace MobileSource.Domain.RemoteSensing;

/// <summary>A measured value above its limit, both in the pollutant's unit.</summary>
public sealed record Exceedance(Pollutant Pollutant, double Value, double Limit);
