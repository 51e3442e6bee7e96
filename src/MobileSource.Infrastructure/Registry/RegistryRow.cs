using MobileSource.Domain.Vehicles;

namespace MobileSource.Infrastructure.Registry;

/// <summary>One data row of a registry file: a vehicle, or the reasons it was rejected.</summary>
public readonly record struct RegistryRow(int Line, VehicleRecord? Vehicle, IReadOnlyList<RegistryRowError> Errors)
{
    public bool IsValid => Vehicle is not null;

    public static RegistryRow Valid(int line, VehicleRecord vehicle) => new(line, vehicle, []);

    public static RegistryRow Rejected(int line, IReadOnlyList<RegistryRowError> errors) => new(line, null, errors);
}
