using System.Globalization;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Bureau;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Server.Auth;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Api;

public static class BureauEndpoints
{
    private const int MaxDays = 366;

    public static void MapBureauEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bureau/dashboard", DashboardAsync)
            .RequireAuthorization(Policies.BureauRead)
            .WithTags("Bureau")
            .WithSummary("Figures per local day (?from=&to=, yyyy-MM-dd; default the last 30 days): readings and over-limit rate, captures, blacklist in and out; per site; cases; plan progress.")
            .Produces<DashboardView>();
    }

    private static async Task<IResult> DashboardAsync(
        string? from, string? to, BureauDashboard dashboard, TimeProvider clock, IOptions<SensingOptions> sensing, CancellationToken ct)
    {
        var today = sensing.Value.LocalDay(clock.GetUtcNow());
        var errors = new List<FieldError>();
        var last = Day(to, "to", today, errors);
        var first = Day(from, "from", last.AddDays(-29), errors);
        if (errors.Count == 0 && (first > last || last.DayNumber - first.DayNumber >= MaxDays))
        {
            errors.Add(new("from", Bilingual.Text($"from must be on or before to, at most {MaxDays} days before it", $"起始日期不能晚于截止日期，且最多早 {MaxDays} 天")));
        }
        return errors.Count > 0 ? Problems.Validation(errors) : Results.Ok(await dashboard.BuildAsync(first, last, ct));
    }

    private static DateOnly Day(string? text, string field, DateOnly fallback, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day.Year is >= 2000 and <= 2100)
            {
                return day;
            }
            errors.Add(new(field, Bilingual.Text($"{text} is outside 2000-2100", $"{text} 不在 2000-2100 年之间")));
            return fallback;
        }
        errors.Add(new(field, Bilingual.Text($"'{text}' is not a date (yyyy-MM-dd)", $"“{text}”不是日期（格式 yyyy-MM-dd）")));
        return fallback;
    }
}
