using MobileSource.Domain.Plates;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MobileSource.Infrastructure.Persistence;

public sealed class PlateNumberConverter() : ValueConverter<PlateNumber, string>(
    v => v.Value,
    v => PlateNumber.Parse(v));
