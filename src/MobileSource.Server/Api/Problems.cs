using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Server.Api;

/// <summary>RFC 7807 problem details whose "errors" name the offending fields.</summary>
public static class Problems
{
    public static IResult Validation(IEnumerable<FieldError> errors, string title = "The request has invalid fields") =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title);

    public static IResult Field(string field, string message) => Validation([new FieldError(field, message)]);

    public static IResult NotFound(string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail, extensions: extensions);
}
