using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ducha.Cases.Open311;

/// <summary>
/// GeoReport v2 JSON: snake_case names, nulls written out, and text as written: Chinese and the "+08:00" of a timestamp
/// unescaped. The relaxed encoder only matters for JSON pasted into HTML, which these answers never are.
/// </summary>
internal static class Open311Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Answer<T>(T body, int statusCode = StatusCodes.Status200OK) => Results.Json(body, Options, statusCode: statusCode);
}

internal sealed record ServiceView(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);

internal sealed record ServiceDefinitionView(string ServiceCode, IReadOnlyList<AttributeView> Attributes);

internal sealed record AttributeView(bool Variable, string Code, string Datatype, bool Required, string DatatypeDescription, int Order,
    string Description, IReadOnlyList<AttributeValueView> Values);

internal sealed record AttributeValueView(string Key, string Name);

internal sealed record CreatedRequestView(string ServiceRequestId, string ServiceNotice, string? AccountId);

/// <summary>A case as an Open311 service request. It has no field for the reporter, by design.</summary>
internal sealed record ServiceRequestView(
    string ServiceRequestId, string Status, string StatusNotes, string ServiceName, string ServiceCode, string Description,
    string AgencyResponsible, string ServiceNotice, string RequestedDatetime, string UpdatedDatetime, string? ExpectedDatetime,
    string Address, string? AddressId, string? Zipcode, double? Lat, double? Long, string? MediaUrl);

internal sealed record Open311Error(int Code, string Description);
