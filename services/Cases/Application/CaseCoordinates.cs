using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.ServiceDefaults.Errors;

namespace Ducha.Cases.Application;

/// <summary>
/// Where a complaint says the problem is, checked for every intake (gRPC, REST, Open311, which maps the fields to
/// lat/long): each coordinate a WGS84 degree, both or neither given, and the point inside the province of the case's
/// jurisdiction (<see cref="ProvinceBounds"/>), so a case for 虎丘区 is never pinned in Beijing or at 0,0.
/// </summary>
internal static class CaseCoordinates
{
    public static RequestValidator RequireCoordinates(this RequestValidator validator, string jurisdictionCode, Coordinates at)
    {
        var latitudeOk = at.Latitude is >= -90 and <= 90;
        var longitudeOk = at.Longitude is >= -180 and <= 180;
        validator
            .Require(latitudeOk, "coordinates.latitude", "must be between -90 and 90")
            .Require(longitudeOk, "coordinates.longitude", "must be between -180 and 180");
        if (!latitudeOk || !longitudeOk) return validator;

        // proto3 doubles have no presence: a coordinate left out reads 0, and 0 lies in no Chinese province. So 0 is taken
        // for "not given" and named as such, rather than stored as a point in the Gulf of Guinea.
        var (latitudeGiven, longitudeGiven) = (at.Latitude != 0, at.Longitude != 0);
        if (!latitudeGiven || !longitudeGiven)
        {
            return validator
                .Require(latitudeGiven, "coordinates.latitude", longitudeGiven ? "is required when coordinates.longitude is given" : "is required when coordinates are given; leave coordinates out if the place has none")
                .Require(longitudeGiven, "coordinates.longitude", latitudeGiven ? "is required when coordinates.latitude is given" : "is required when coordinates are given; leave coordinates out if the place has none");
        }

        // An unknown code is refused on its own field; there is no province to compare with.
        if (ProvinceBounds.Of(jurisdictionCode) is not { } province) return validator;
        return validator
            .Require(province.ContainsLatitude(at.Latitude), "coordinates.latitude", $"{at.Latitude.ToString(CultureInfo.InvariantCulture)} lies outside {province}, the province of {jurisdictionCode}")
            .Require(province.ContainsLongitude(at.Longitude), "coordinates.longitude", $"{at.Longitude.ToString(CultureInfo.InvariantCulture)} lies outside {province}, the province of {jurisdictionCode}");
    }
}
