using MobileSource.Domain.Plates;
using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.Tests.Vehicles;

public class VehicleRecordTests
{
    [Fact]
    public void Identity_and_diesel()
    {
        var record = new VehicleRecord
        {
            Plate = PlateNumber.Parse("豫F12345"),
            Colour = PlateColour.Yellow,
            PlateType = PlateType.Large,
            Fuel = FuelType.Diesel,
            Stage = new EmissionStage(3),
        };

        Assert.Equal(new PlateIdentity(PlateNumber.Parse("豫F12345"), PlateColour.Yellow), record.Identity);
        Assert.True(record.IsDiesel);
        Assert.False((record with { Fuel = FuelType.Gasoline }).IsDiesel);
    }
}
