using MobileSource.Domain.Plates;
using MobileSource.Domain.Text;
using MobileSource.Domain.Vehicles;
using MobileSource.Infrastructure.Registry.Csv;
using static MobileSource.Infrastructure.Registry.RegistryValues;

namespace MobileSource.Infrastructure.Registry;

/// <summary>Turns one CSV record into a <see cref="VehicleRecord"/>, or into every reason it is not one. One per file; not thread-safe.</summary>
internal sealed class RegistryRowMapper(RegistryHeader header)
{
    private readonly ParsedValueCache<Parsed<PlateColour>> _colours = new(Colour);
    private readonly ParsedValueCache<Parsed<PlateType>> _types = new(Type);
    private readonly ParsedValueCache<Parsed<FuelType>> _fuels = new(Fuel);
    private readonly ParsedValueCache<Parsed<EmissionStage?>> _stages = new(Stage);
    private readonly ParsedValueCache<Parsed<bool>> _flags = new(Flag);
    private readonly ParsedValueCache<Parsed<DateOnly?>> _dates = new(raw => Date(raw));
    private readonly ParsedValueCache<Parsed<string?>> _models = new(Text);
    private readonly ParsedValueCache<Parsed<string?>> _useNatures = new(Text);
    private readonly ParsedValueCache<Parsed<string?>> _vehicleClasses = new(Text);
    private readonly ParsedValueCache<Parsed<string?>> _fleetOperators = new(Text);

    private CsvRecordReader? _record;
    private List<RegistryRowError>? _errors;

    public RegistryRow Map(CsvRecordReader record)
    {
        var line = record.Line;
        if (record.Malformed is { } malformed)
        {
            return RegistryRow.Rejected(line, [new(line, RegistryRowError.WholeRow, Bilingual.Text($"line {line} is not valid CSV: {malformed}.", $"第 {line} 行不是有效的 CSV：{malformed}。"))]);
        }
        if (record.FieldCount != header.FieldCount)
        {
            return RegistryRow.Rejected(line, [new(line, RegistryRowError.WholeRow,
                Bilingual.Text($"line {line} has {record.FieldCount} fields but the header has {header.FieldCount}; quote values that contain commas.",
                    $"第 {line} 行有 {record.FieldCount} 列，而表头有 {header.FieldCount} 列；含逗号的值请加引号。"))]);
        }

        _record = record;
        _errors = null;
        // Read in column order, so that errors come out in that order too.
        var plate = ReadPlate();
        var colour = Required(RegistryField.PlateColour, _colours, "plate colour");
        var vehicle = new VehicleRecord
        {
            Plate = plate,
            Colour = colour,
            PlateType = ReadPlateType(plate, colour),
            Vin = ReadVin(),
            Fuel = Required(RegistryField.Fuel, _fuels, "fuel type"),
            Stage = Optional(RegistryField.EmissionStage, _stages, null),
            Model = Optional(RegistryField.Model, _models, null),
            UseNature = Optional(RegistryField.UseNature, _useNatures, null),
            VehicleClass = Optional(RegistryField.VehicleClass, _vehicleClasses, null),
            FirstRegistered = Optional(RegistryField.FirstRegistration, _dates, null),
            Owner = ReadOwner(),
            FleetOperator = Optional(RegistryField.FleetOperator, _fleetOperators, null),
            IsKeyFleet = Optional(RegistryField.KeyFleet, _flags, false),
            ObdConnected = Optional(RegistryField.ObdConnected, _flags, false),
        };
        return _errors is null ? RegistryRow.Valid(line, vehicle) : RegistryRow.Rejected(line, _errors);
    }

    private ReadOnlySpan<char> Cell(RegistryField field)
    {
        var index = header.IndexOf(field);
        return index < 0 ? default : _record!.Field(index).Trim();
    }

    private PlateNumber ReadPlate()
    {
        var raw = Cell(RegistryField.Plate);
        if (raw.IsEmpty)
        {
            AddError(RegistryField.Plate, Bilingual.Text("the plate number is required.", "号牌号码为必填项。"));
            return default;
        }
        var text = raw.ToString();
        if (!PlateNumber.TryParse(text, out var plate, out var error))
        {
            AddError(RegistryField.Plate, Bilingual.Text($"'{text}' is not a valid plate: {error}.", $"“{text}”不是有效号牌：{error}。"));
        }
        return plate;
    }

    private PlateType ReadPlateType(PlateNumber plate, PlateColour colour)
    {
        var raw = Cell(RegistryField.PlateType);
        return raw.IsEmpty ? PlateTypeInference.Infer(plate, colour) : Check(RegistryField.PlateType, _types.Get(raw));
    }

    private string? ReadVin()
    {
        var raw = Cell(RegistryField.Vin);
        return raw.IsEmpty ? null : Check(RegistryField.Vin, Vin(raw));
    }

    private string? ReadOwner()
    {
        var raw = Cell(RegistryField.Owner);
        return raw.IsEmpty ? null : Check(RegistryField.Owner, Text(raw.ToString()));
    }

    private T Required<T>(RegistryField field, ParsedValueCache<Parsed<T>> cache, string what)
    {
        var raw = Cell(field);
        if (raw.IsEmpty)
        {
            AddError(field, Bilingual.Text($"the {what} is required.", what switch
            {
                "plate colour" => "号牌颜色为必填项。",
                "fuel type" => "燃料种类为必填项。",
                _ => $"{what} 为必填项。",
            }));
            return default!;
        }
        return Check(field, cache.Get(raw));
    }

    /// <summary>The parsed cell, or <paramref name="empty"/> when the column is absent or the cell empty.</summary>
    private T Optional<T>(RegistryField field, ParsedValueCache<Parsed<T>> cache, T empty)
    {
        var raw = Cell(field);
        return raw.IsEmpty ? empty : Check(field, cache.Get(raw));
    }

    private T Check<T>(RegistryField field, Parsed<T> parsed)
    {
        if (parsed.Error is { } error)
        {
            AddError(field, error);
        }
        return parsed.Value;
    }

    private void AddError(RegistryField field, string reason) =>
        (_errors ??= []).Add(new RegistryRowError(_record!.Line, header.NameOf(field), reason));
}
