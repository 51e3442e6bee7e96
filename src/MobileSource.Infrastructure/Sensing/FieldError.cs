namespace MobileSource.Infrastructure.Sensing;

/// <summary>One problem with one field of an input record; Field uses the sender's field name.</summary>
public sealed record FieldError(string Field, string Message);
