namespace Ducha.Cases.Open311;

// The answers of the Open311 routes, as GeoReport v2 names and orders their fields: every format renders these same
// records, so a field added or renamed here changes JSON and XML alike.

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
