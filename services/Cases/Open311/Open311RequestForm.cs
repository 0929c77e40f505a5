using System.Globalization;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.Primitives;
using A = Ducha.Cases.Open311.Open311Catalogue.Attributes;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Open311;

/// <summary>
/// POST requests.json as a complaint: the form is turned into the intake and checked by the same
/// <see cref="Domain.CaseIntakeRules"/> as every other API, so all accept exactly the same complaints. Only what is
/// Open311's own (codes, numbers as text, the reporter split into parts) is checked here, and every violation is named in
/// Open311 terms.
/// </summary>
internal static class Open311RequestForm
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The intake's rules name fields as the intake does; an Open311 client knows them by these names.</summary>
    private static readonly Dictionary<string, string> Open311Names = new()
    {
        ["jurisdiction_code"] = Attribute(A.JurisdictionCode),
        ["address"] = "address_string",
        ["polluter"] = Attribute(A.Polluter),
        ["idempotency_key"] = Attribute(A.IdempotencyKey),
        ["channel"] = Attribute(A.Channel),
        ["pollution_type"] = "service_code",
        ["coordinates.latitude"] = "lat",
        ["coordinates.longitude"] = "long",
        ["reporter.name"] = "first_name/last_name",
        ["reporter.phone"] = "phone",
        ["reporter.address"] = "email",
    };

    private static readonly string[] KnownAttributes = [Attribute(A.JurisdictionCode), Attribute(A.Polluter), Attribute(A.Channel), Attribute(A.IdempotencyKey)];

    public static string Attribute(string code) => $"attribute[{code}]";

    public static (Domain.CaseIntake Intake, Domain.ReporterIdentity? Reporter) ToIntake(IFormCollection form, StringValues idempotencyHeader,
        string callerJurisdictionCode, JurisdictionTree tree)
    {
        var own = new RequestValidator();
        string? Text(string name)
        {
            var values = form[name];
            own.Require(values.Count <= 1, name, "must be given once");
            return values.Count == 0 || string.IsNullOrWhiteSpace(values[0]) ? null : values[0];
        }

        var serviceCode = Text("service_code")?.Trim();
        var service = Open311Catalogue.Find(serviceCode);
        own.Require(serviceCode is not null, "service_code", "is required; see the service list (services.xml or services.json)")
            .Require(serviceCode is null || service is not null, "service_code", $"'{serviceCode}' is not a service here; see the service list (services.xml or services.json)");

        var jurisdiction = Text(Attribute(A.JurisdictionCode))?.Trim() ?? callerJurisdictionCode;
        own.Require(jurisdiction.Length != 6 || !jurisdiction.All(char.IsAsciiDigit) || tree.Find(jurisdiction) is not null,
            Attribute(A.JurisdictionCode), $"'{jurisdiction}' is not a known GB/T 2260 code");

        var channelKey = Text(Attribute(A.Channel))?.Trim() ?? Open311Catalogue.DefaultChannel;
        var channel = Open311Catalogue.Channels.FirstOrDefault(c => c.Key == channelKey);
        own.Require(channel.Key is not null, Attribute(A.Channel),
            $"must be one of {string.Join(", ", Open311Catalogue.Channels.Select(c => c.Key))}");

        var latText = Text("lat");
        var longText = Text("long");
        var lat = Number(latText, "lat", own);
        var lon = Number(longText, "long", own);
        own.Require(latText is not null || longText is null, "lat", "is required when long is given")
            .Require(longText is not null || latText is null, "long", "is required when lat is given");

        own.Require(Text("address_id") is null, "address_id", "is not supported: there is no address repository here; give address_string");

        var attributeKey = Text(Attribute(A.IdempotencyKey));
        var headerKey = idempotencyHeader.Count == 1 && !string.IsNullOrWhiteSpace(idempotencyHeader[0]) ? idempotencyHeader[0] : null;
        own.Require(idempotencyHeader.Count <= 1, IdempotencyHeader, "must be given once")
            .Require(attributeKey is null || headerKey is null || attributeKey == headerKey, Attribute(A.IdempotencyKey),
                $"differs from the {IdempotencyHeader} header");

        foreach (var key in form.Keys.Where(k => k.StartsWith("attribute[", StringComparison.Ordinal) && !KnownAttributes.Contains(k)))
            own.Require(false, key, $"is not an attribute of this service; see services/{serviceCode ?? "{service_code}"}.json");

        var attachments = new List<Domain.CaseAttachment>();
        if (Text("media_url") is { } media)
        {
            var isWebAddress = Uri.TryCreate(media.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
            own.Require(isWebAddress, "media_url", "must be an absolute http or https URL");
            if (isWebAddress) attachments.Add(new Domain.CaseAttachment(FileName(uri!), string.Empty, 0, media.Trim()));
        }
        var idempotencyKey = attributeKey ?? headerKey;
        var intake = new Domain.CaseIntake(jurisdiction, Text("address_string")?.Trim() ?? string.Empty, lat is not null && lon is not null ? lat : null,
            lat is not null && lon is not null ? lon : null, Text(Attribute(A.Polluter)), service?.Type ?? default, Text("description")?.Trim() ?? string.Empty,
            channel.Key is null ? default : channel.Channel, CentralInspection: false, OriginalDeadline: null, idempotencyKey, attachments);
        var reporter = ReporterOf(Text("first_name"), Text("last_name"), Text("phone"), Text("email"), own);

        // A field refused in Open311 terms is not refused a second time in the intake's terms.
        var refused = own.Fields;
        own.Add(Domain.CaseIntakeRules.Violations(intake, reporter, tree).Select(v => v with { Field = Open311Name(v.Field) }).Where(v => !refused.Contains(v.Field)));
        own.ThrowIfInvalid();
        return (intake, reporter);
    }

    /// <summary>
    /// The name is family name then given name, as written in Chinese (张 + 三 = 张三). Any part of an identity makes the
    /// complaint a named one, which then needs a name and a phone, exactly as over gRPC; the e-mail is kept as the contact address.
    /// </summary>
    private static Domain.ReporterIdentity? ReporterOf(string? firstName, string? lastName, string? phone, string? email, RequestValidator own)
    {
        if (firstName is null && lastName is null && phone is null && email is null) return null;
        own.Require(email is null || email.Contains('@'), "email", "must be an e-mail address");
        return new Domain.ReporterIdentity($"{lastName?.Trim()}{firstName?.Trim()}", phone?.Trim() ?? string.Empty, email?.Trim() ?? string.Empty);
    }

    private static double? Number(string? text, string field, RequestValidator validator)
    {
        if (text is null) return null;
        var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);
        validator.Require(ok, field, "must be a decimal number (WGS84 degrees)");
        return ok ? value : null;
    }

    private static string FileName(Uri uri)
    {
        var name = Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? string.Empty).Trim('/', ' ');
        name = name.Length == 0 ? uri.Host : name;
        return name.Length <= 200 ? name : name[..200];
    }

    private static string Open311Name(string field) =>
        Open311Names.TryGetValue(field, out var name) ? name : field.StartsWith("attachments", StringComparison.Ordinal) ? "media_url" : field;
}
