using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Server.Api;

/// <summary>RFC 7807 problem details whose "errors" name the offending fields.</summary>
public static class Problems
{
    public static IResult Validation(IEnumerable<FieldError> errors, string? title = null) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title ?? Bilingual.Text("The request has invalid fields", "有填写不正确的项"));

    public static IResult Field(string field, string message) => Validation([new FieldError(field, message)]);

    public static IResult NotFound(string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Bilingual.Text("Not found", "未找到"), detail: detail, extensions: extensions);
}
