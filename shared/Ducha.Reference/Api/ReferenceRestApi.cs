using System.Globalization;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ducha.Reference.Api;

/// <summary>The public reference API in JSON: no token needed, served by every Ducha process.</summary>
public static class ReferenceRestApi
{
    public static IEndpointRouteBuilder MapReferenceRestApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").AllowAnonymous();
        api.MapGet("/jurisdictions/{code}", (string code, ReferenceQueries queries) =>
            Answer(() => ToJson(queries.Jurisdiction(code))));
        api.MapGet("/jurisdictions/{code}/children", (string code, ReferenceQueries queries) =>
            Answer(() => queries.Children(code).Select(ToJson).ToList()));
        api.MapGet("/calendar/days/{date}", (string date, ReferenceQueries queries) =>
            Answer(() => queries.Day(date) is var day
                ? new { date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), working = day.Working, name = day.Name, provisional = day.Provisional } : null));
        api.MapGet("/calendar/working-days/add", (string? from, string? days, ReferenceQueries queries) =>
            Answer(() =>
            {
                if (!int.TryParse(days, out var count))
                    throw new ReferenceQueryException(false, "days", $"days '{days}' is not a whole number.");
                var (date, provisional) = queries.AddWorkingDays(from, count);
                return new { from, days = count, date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), provisional };
            }));
        return endpoints;
    }

    private static object ToJson(Jurisdiction j) => new
    {
        code = j.Code,
        name = j.Name,
        level = ReferenceQueries.LevelName(j.Level),
        parentCode = j.ParentCode,
    };

    private static IResult Answer<T>(Func<T> answer)
    {
        try
        {
            return Results.Ok(answer());
        }
        catch (ReferenceQueryException ex)
        {
            return Results.Problem(detail: ex.Message, statusCode: ex.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = ex.Field });
        }
    }
}
