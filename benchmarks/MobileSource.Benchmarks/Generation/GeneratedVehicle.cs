namespace MobileSource.Benchmarks.Generation;

/// <summary>One registry row as the export writes it: every value already in its text form.</summary>
internal sealed record GeneratedVehicle(
    string Plate, string Colour, string PlateType, string? Vin, string Fuel, string? Stage, string? Model, string? UseNature,
    string? FirstRegistration, string? Owner, string? VehicleClass, string? FleetOperator, bool KeyFleet, bool ObdConnected)
{
    public const string Header = "hphm,cpys,hpzl,clsbdh,rlzl,pfbzjd,clxh,syxz,ccdjrq,syr,cllx,yyqy,zdjg,obdlw";

    public string ToCsv() => string.Join(',',
        CsvText.Field(Plate), CsvText.Field(Colour), CsvText.Field(PlateType), CsvText.Field(Vin), CsvText.Field(Fuel),
        CsvText.Field(Stage), CsvText.Field(Model), CsvText.Field(UseNature), CsvText.Field(FirstRegistration),
        CsvText.Field(Owner), CsvText.Field(VehicleClass), CsvText.Field(FleetOperator), KeyFleet ? "1" : "0", ObdConnected ? "1" : "0");
}
