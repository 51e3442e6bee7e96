using MobileSource.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Api;

/// <summary>
/// A station's report that touched a case someone else changed at the same moment: nothing was saved, and the
/// station is told to send it again rather than getting a 500.
/// </summary>
public static class ConcurrentCase
{
    /// <returns>The service's answer, or (null, null) when the save lost a race on a case.</returns>
    public static async Task<(T? Result, IReadOnlyList<Infrastructure.Sensing.FieldError>? Errors)> GuardAsync<T>(
        Func<Task<(T? Result, IReadOnlyList<Infrastructure.Sensing.FieldError> Errors)>> record) where T : class
    {
        try
        {
            return await record();
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, null);
        }
    }

    public static IResult Conflict() =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Bilingual.Text("The case changed meanwhile", "案件已被同时修改"),
            detail: Bilingual.Text("The vehicle's enforcement case was changed while this report was being recorded; nothing was saved. Send it again.",
                "记录期间该车的案件被他人修改，本次未保存，请重新提交。"));
}
