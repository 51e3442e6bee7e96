using MobileSource.Domain.Vehicles;

namespace MobileSource.Infrastructure.Registry;

/// <summary>A vehicle on its way to the table: <see cref="Id"/> is the existing row's for an update, 0 for an insert.</summary>
internal readonly record struct StagedVehicle(long Id, VehicleRecord Vehicle, long ContentHash);

/// <summary>Vehicles to insert, or (<see cref="AreUpdates"/>) to update, written together.</summary>
internal sealed record StagedBatch(bool AreUpdates, List<StagedVehicle> Vehicles);
