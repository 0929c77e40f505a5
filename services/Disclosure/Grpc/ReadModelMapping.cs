using Ducha.Contracts.Disclosure.V1;
using DisclosedCasePage = Ducha.Contracts.Disclosure.V1.DisclosedCasePage;
using ReadModelRebuild = Ducha.Contracts.Disclosure.V1.ReadModelRebuild;
using Ducha.Disclosure.Application;
using Ducha.Reference.Jurisdictions;
using Google.Protobuf.WellKnownTypes;
using Ducha.Contracts.Cases.V1;
using AccountabilityTally = Ducha.Contracts.Disclosure.V1.AccountabilityTally;
using PollutionType = Ducha.Contracts.Cases.V1.PollutionType;
using Domain = Ducha.Disclosure.Domain;
using Exposure = Ducha.Contracts.Exposure.V1;

namespace Ducha.Disclosure.Grpc;

/// <summary>Checks the read-model requests and maps the read models to the wire.</summary>
internal static class ReadModelMapping
{
    private const int MaxDifferencesShown = 100;

    public static DisclosurePeriod Validate(this GetCaseSummaryRequest request)
    {
        var validator = new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode);
        var period = Period(validator, request.From, request.To);
        validator.ThrowIfInvalid(GetCaseSummaryRequest.Descriptor);
        return DisclosurePeriod.Of(period.From!.Value, period.To!.Value);
    }

    public static (DisclosurePeriod Period, int PageSize, DisclosedCasePageToken? After) Validate(this ListDisclosedCasesRequest request)
    {
        var validator = new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode);
        var (from, to) = Period(validator, request.From, request.To);
        validator.Require(request.PageSize is >= 0 and <= ListDisclosedCases.MaxPageSize, "page_size", $"must be between 1 and {ListDisclosedCases.MaxPageSize}");
        DisclosedCasePageToken? after = null;
        if (!string.IsNullOrEmpty(request.PageToken))
            validator.Require(DisclosedCasePageToken.TryParse(request.PageToken, out var token) && (after = token) is not null, "page_token",
                "is not a token this list gave");
        validator.ThrowIfInvalid(ListDisclosedCasesRequest.Descriptor);
        return (DisclosurePeriod.Of(from!.Value, to!.Value), request.PageSize == 0 ? ListDisclosedCases.DefaultPageSize : request.PageSize, after);
    }

    private static (DateOnly? From, DateOnly? To) Period(RequestValidator validator, string from, string to)
    {
        validator
            .Require(!string.IsNullOrEmpty(from), "from", "is required")
            .OptionalDate(from, "from", out var start)
            .Require(!string.IsNullOrEmpty(to), "to", "is required")
            .OptionalDate(to, "to", out var end);
        return (start, end);
    }

    public static CaseSummary ToContract(this Domain.CaseSummary s, string jurisdictionCode, DisclosurePeriod period)
    {
        var reply = new CaseSummary
        {
            JurisdictionCode = jurisdictionCode, From = period.From.ToWire(), To = period.To.ToWire(),
            Transferred = s.Transferred, InHand = s.InHand, Closed = s.Closed, Overdue = s.Overdue, PeopleHeld = s.PeopleHeld, PeopleExempted = s.PeopleExempted,
            FactsPending = s.FactsPending,
        };
        reply.Accountability.AddRange(s.Accountability.Select(a => Count(a.Rank, a.Sanction, a.Held, a.Exempted)));
        return reply;
    }

    public static DisclosedCasePage ToContract(this Application.DisclosedCasePage page)
    {
        var reply = new DisclosedCasePage { NextPageToken = page.NextPageToken };
        reply.Cases.AddRange(page.Cases.Select(ToContract));
        return reply;
    }

    private static DisclosedCase ToContract(DisclosedCaseView view)
    {
        var (c, f, e) = (view.Case, view.Facts is { Found: true } found ? found : null, view.Exposure);
        var contract = new DisclosedCase
        {
            CaseId = c.CaseId,
            JurisdictionCode = c.JurisdictionCode,
            CityCode = c.CityCode ?? "",
            CountyCode = c.CountyCode ?? "",
            PollutionType = System.Enum.TryParse<PollutionType>(c.PollutionType, out var type) ? type : PollutionType.Unspecified,
            Channel = System.Enum.TryParse<Channel>(c.Channel, out var channel) ? channel : Channel.Unspecified,
            ReceivedAt = Wire(c.ReceivedAt),
            TransferredAt = Timestamp.FromDateTimeOffset(view.TransferredAt),
            Status = (CaseStatus)c.Stage,
            Round = c.Round,
            Overdue = c.Overdue,
            WasOverdue = c.WasOverdue,
            ClosedAt = Wire(c.ClosedAt),
            Address = f?.Address ?? "",
            Polluter = f?.Polluter ?? "",
            Description = f?.Description ?? "",
            Findings = f?.Findings ?? "",
            Result = f?.Result ?? "",
            Rectification = f?.Rectification is { } rectification ? (Rectification)rectification : Rectification.Unspecified,
            RectificationDeadline = f?.RectificationDeadline.ToWire() ?? "",
            Typical = view.Typical,
            FactsPending = c.FactsPending,
            Exposure = e is null ? null : ToContract(e),
        };
        foreach (var (level, code) in new[] { (JurisdictionLevel.Province, c.ProvinceCode), (JurisdictionLevel.City, c.CityCode), (JurisdictionLevel.County, c.CountyCode) })
            if (code is not null && c.ArrivedAt(level) is { } at) contract.Transfers.Add(new Transfer { JurisdictionCode = code, At = Timestamp.FromDateTimeOffset(at) });
        contract.Accountability.AddRange(view.Accountability.Select(t => Count(t.Rank, t.Sanction, t.Held, t.Exempted)));
        return contract;
    }

    private static AiredProblem ToContract(Domain.DisclosedExposure e) => new()
    {
        ExposureId = e.ExposureId, AiredAt = Wire(e.AiredAt), FollowUpDeadline = e.FollowUpDeadline.ToWire(), FollowUpOverdue = e.FollowUpOverdue,
        ReturnVisitDate = e.ReturnVisitDate.ToWire(),
        ReturnVisitRectification = System.Enum.TryParse<Exposure.RectificationState>(e.ReturnVisitRectification, out var found) ? found
            : Exposure.RectificationState.Unspecified,
        BroadcastDate = e.BroadcastDate.ToWire(),
        // The values match exposure's, whose vocabulary the wire uses.
        FollowUpState = (Exposure.FollowUpState)e.FollowUpState,
    };

    public static ReadModelRebuild ToContract(this Application.ReadModelRebuild rebuild)
    {
        var reply = new ReadModelRebuild
        {
            EventsReplayed = rebuild.EventsReplayed, EventsSkipped = rebuild.EventsSkipped, FactsReplayed = rebuild.FactsReplayed, RowsLive = rebuild.RowsLive,
            RowsRebuilt = rebuild.RowsRebuilt, Differing = rebuild.Differences.Count, Committed = rebuild.Committed,
        };
        reply.DifferingRows.AddRange(rebuild.Differences.Take(MaxDifferencesShown));
        return reply;
    }

    private static AccountabilityTally Count(Domain.CadreRank rank, Domain.Sanction sanction, int held, int exempted) =>
        new() { Rank = (CadreRank)rank, Sanction = (Sanction)sanction, Held = held, Exempted = exempted };

    private static Timestamp? Wire(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
