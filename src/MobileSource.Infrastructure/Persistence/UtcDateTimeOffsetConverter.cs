using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MobileSource.Infrastructure.Persistence;

/// <summary>Stores a DateTimeOffset as its UTC DateTime (Kind Utc, as Npgsql requires for timestamptz).</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    v => v.UtcDateTime,
    v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
