using System.Globalization;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Domain;

/// <summary>
/// What a complaint must say to be registered, whichever way it came in: a known place, an address and a description, a
/// reachable reporter if one is named, an original deadline only for a central-inspection (legacy) case. Fields are named
/// as the intake names them (<c>address</c>, <c>reporter.phone</c>, <c>attachments[0].uri</c>); each API renames them for its callers.
/// </summary>
public static class CaseIntakeRules
{
    public const int MaxAttachments = 50;

    public static IReadOnlyList<FieldViolation> Violations(CaseIntake intake, ReporterIdentity? reporter, JurisdictionTree tree)
    {
        var found = new List<FieldViolation>();
        void Require(bool condition, string field, string description)
        {
            if (!condition) found.Add(new FieldViolation(field, description));
        }
        void Text(string? value, string field, int maxLength, bool required = true)
        {
            if (string.IsNullOrWhiteSpace(value)) Require(!required, field, "is required");
            else Require(value.Length <= maxLength, field, $"must be at most {maxLength} characters");
        }

        Require(tree.Find(intake.JurisdictionCode) is not null, "jurisdiction_code", $"'{intake.JurisdictionCode}' is not a known GB/T 2260 code");
        Text(intake.Address, "address", 500);
        Text(intake.Description, "description", 4000);
        Text(intake.Polluter, "polluter", 200, required: false);
        Text(intake.IdempotencyKey, "idempotency_key", 100, required: false);
        Require(intake.OriginalDeadline is null || intake.CentralInspection, "original_deadline", "is only for central-inspection (legacy) cases");
        Coordinates(intake, Require);
        if (reporter is not null)
        {
            Text(reporter.Name, "reporter.name", 50);
            Text(reporter.Phone, "reporter.phone", 30);
            Text(reporter.Address, "reporter.address", 200, required: false);
        }
        Require(intake.Attachments.Count <= MaxAttachments, "attachments", $"must be at most {MaxAttachments}");
        for (var i = 0; i < intake.Attachments.Count; i++)
        {
            var a = intake.Attachments[i];
            Text(a.Name, $"attachments[{i}].name", 200);
            Text(a.MediaType, $"attachments[{i}].media_type", 100, required: false);
            Require(a.SizeBytes >= 0, $"attachments[{i}].size_bytes", "must not be negative");
            Text(a.Uri, $"attachments[{i}].uri", 1000);
        }
        return found;
    }

    /// <summary>
    /// Where the problem is: both coordinates or neither, each a WGS84 degree, and the point inside the province of the
    /// case's place (<see cref="ProvinceBounds"/>), so a case for 虎丘区 is never pinned in Beijing or at 0,0.
    /// </summary>
    private static void Coordinates(CaseIntake intake, Action<bool, string, string> require)
    {
        if (intake is { Latitude: null, Longitude: null }) return;
        require(intake.Latitude is not null, "coordinates.latitude", "is required when coordinates.longitude is given; leave coordinates out if the place has none");
        require(intake.Longitude is not null, "coordinates.longitude", "is required when coordinates.latitude is given; leave coordinates out if the place has none");
        if (intake is not { Latitude: { } lat, Longitude: { } lon }) return;
        var inRange = lat is >= -90 and <= 90 && lon is >= -180 and <= 180;
        require(lat is >= -90 and <= 90, "coordinates.latitude", "must be between -90 and 90");
        require(lon is >= -180 and <= 180, "coordinates.longitude", "must be between -180 and 180");
        // An unknown code is refused on its own field; there is no province to compare with.
        if (!inRange || ProvinceBounds.Of(intake.JurisdictionCode) is not { } province) return;
        require(province.ContainsLatitude(lat), "coordinates.latitude",
            $"{lat.ToString(CultureInfo.InvariantCulture)} lies outside {province}, the province of {intake.JurisdictionCode}");
        require(province.ContainsLongitude(lon), "coordinates.longitude",
            $"{lon.ToString(CultureInfo.InvariantCulture)} lies outside {province}, the province of {intake.JurisdictionCode}");
    }

    public static void Check(CaseIntake intake, ReporterIdentity? reporter, JurisdictionTree tree)
    {
        if (Violations(intake, reporter, tree) is { Count: > 0 } violations) throw new RequestValidationException(violations);
    }
}
