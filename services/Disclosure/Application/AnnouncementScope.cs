using System.Linq.Expressions;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>
/// The announcements a jurisdiction lists: a county its own, a city those of its counties, a province those of all its
/// counties — each one indexed column, so a list costs one lookup however large the province.
/// </summary>
public static class AnnouncementScope
{
    public static Expression<Func<Announcement, bool>> Of(Jurisdiction jurisdiction)
    {
        var code = jurisdiction.Code;
        return jurisdiction.Level switch
        {
            JurisdictionLevel.Province => a => a.ProvinceCode == code,
            JurisdictionLevel.City => a => a.CityCode == code,
            _ => a => a.JurisdictionCode == code,
        };
    }
}
