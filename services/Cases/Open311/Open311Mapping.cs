using System.Globalization;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Open311;

/// <summary>A case as another system tracks it: where it stands and with whom, in words; never who complained.</summary>
internal static class Open311Mapping
{
    public static ServiceRequestView ToOpen311(this Domain.Case c, JurisdictionTree tree)
    {
        var service = Open311Catalogue.Of(c.PollutionType);
        var agency = Agency(c.Holder, tree);
        return new ServiceRequestView(
            ServiceRequestId: c.Id,
            Status: c.Status == Domain.CaseStatus.Closed ? "closed" : "open",
            StatusNotes: StatusNotes(c, agency),
            ServiceName: service.Name,
            ServiceCode: service.Code,
            Description: c.Description,
            AgencyResponsible: agency,
            ServiceNotice: Open311Catalogue.Notice,
            RequestedDatetime: Beijing(c.ReceivedAt),
            UpdatedDatetime: Beijing(c.UpdatedAt),
            // A deadline is a Beijing date, due by the end of that day.
            ExpectedDatetime: c.Deadline is { } deadline ? Beijing(deadline.ToDateTime(new TimeOnly(23, 59, 59))) : null,
            Address: c.Address,
            AddressId: null,
            Zipcode: null,
            Lat: c.Latitude,
            Long: c.Longitude,
            MediaUrl: c.Attachments.FirstOrDefault()?.Uri);
    }

    private static string StatusNotes(Domain.Case c, string agency) => c.Status switch
    {
        Domain.CaseStatus.Received => "已受理，待转办",
        Domain.CaseStatus.Assigned when c.Holder.IsOffice => $"已转办至{agency}",
        Domain.CaseStatus.Assigned => $"{agency}办理中",
        Domain.CaseStatus.Returned => $"已退回{agency}重新研判",
        Domain.CaseStatus.Reported => $"办理情况已上报{agency}审核",
        Domain.CaseStatus.SentBack => $"办理情况未通过审核，已退回{agency}重新办理",
        Domain.CaseStatus.Verified => "办理情况已审核通过，待办结销号",
        Domain.CaseStatus.Closed => "已办结销号",
        Domain.CaseStatus.Reopened => "群众重复投诉，已重新启动办理",
        _ => "办理中",
    };

    /// <summary>The holder by name: 苏州市, or a unit with its place (虎丘区 + 市场监管局), without saying the place twice.</summary>
    private static string Agency(Domain.CaseParty holder, JurisdictionTree tree)
    {
        var place = tree.Find(holder.JurisdictionCode)?.Name ?? holder.JurisdictionCode;
        return holder.Unit switch
        {
            null => place,
            var unit when unit.StartsWith(place, StringComparison.Ordinal) => unit,
            var unit => place + unit,
        };
    }

    private static string Beijing(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, BeijingTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Beijing(DateTime local) =>
        BeijingTime.At(local).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
