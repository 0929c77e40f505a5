using Ducha.Contracts.Disclosure.V1;
using Google.Protobuf.WellKnownTypes;
using Model = Ducha.Disclosure.Domain.Bulletins;

namespace Ducha.Disclosure.Grpc;

/// <summary>Checks and mapping of bulletins and their cadence.</summary>
internal static class BulletinRequests
{
    public static Model.BulletinPeriod Validate(DraftBulletinRequest request)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(!string.IsNullOrEmpty(request.PeriodStart), "period_start", "is required")
            .OptionalDate(request.PeriodStart, "period_start", out var start)
            .Require(!string.IsNullOrEmpty(request.PeriodEnd), "period_end", "is required")
            .OptionalDate(request.PeriodEnd, "period_end", out var end)
            .ThrowIfInvalid(DraftBulletinRequest.Descriptor);
        return new Model.BulletinPeriod(start!.Value, end!.Value);
    }

    public static (DateOnly Start, DateOnly? End) Validate(SetBulletinCadenceRequest request)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(System.Enum.IsDefined(request.Kind), "kind", RequestValidator.OneOf(System.Enum.GetNames<CadenceKind>()))
            .Require(request.Weekdays.Count <= 7 && request.Weekdays.All(d => d is >= 1 and <= 7), "weekdays", "ISO weekday numbers 1 (Monday) to 7 (Sunday)")
            .Require(!string.IsNullOrEmpty(request.StartDate), "start_date", "is required")
            .OptionalDate(request.StartDate, "start_date", out var start)
            .OptionalDate(request.EndDate, "end_date", out var end)
            .ThrowIfInvalid(SetBulletinCadenceRequest.Descriptor);
        return (start!.Value, end);
    }

    public static (Model.BulletinState? State, int PageSize, Application.Bulletins.BulletinPageToken? After) Validate(ListBulletinsRequest request)
    {
        const int max = Application.Bulletins.ListBulletins.MaxPageSize;
        Application.Bulletins.BulletinPageToken? after = null;
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(System.Enum.IsDefined(request.State), "state", RequestValidator.OneOf(RequestValidator.WireNames<BulletinState>()) + ", or unset for both")
            .Require(request.PageSize is >= 0 and <= max, "page_size", $"must be between 1 and {max} (0 for {Application.Bulletins.ListBulletins.DefaultPageSize})");
        if (request.PageToken.Length > 0)
            validator.Require(Application.Bulletins.BulletinPageToken.TryParse(request.PageToken, out var token) && (after = token) is not null, "page_token",
                "is not a token this list gave");
        validator.ThrowIfInvalid(ListBulletinsRequest.Descriptor);
        return (request.State == BulletinState.Unspecified ? null : (Model.BulletinState)request.State,
            request.PageSize == 0 ? Application.Bulletins.ListBulletins.DefaultPageSize : request.PageSize, after);
    }

    public static BulletinPage ToContract(this Application.Bulletins.BulletinListingPage page)
    {
        var reply = new BulletinPage { NextPageToken = page.NextPageToken };
        reply.Bulletins.AddRange(page.Bulletins.Select(b => new BulletinEntry
        {
            Id = b.Id, JurisdictionCode = b.JurisdictionCode, PeriodStart = b.Period.Start.ToWire(), PeriodEnd = b.Period.End.ToWire(),
            State = (BulletinState)b.State, Version = b.Version, Title = b.Title, DueBy = b.DueBy.ToWire(), Overdue = b.Overdue,
            DraftedAt = Timestamp.FromDateTimeOffset(b.DraftedAt),
            PublishedAt = b.PublishedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            CorrectedAt = b.CorrectedAt is { } corrected ? Timestamp.FromDateTimeOffset(corrected) : null,
        }));
        return reply;
    }

    public static Bulletin ToContract(this Model.Bulletin b, IReadOnlyList<Model.BulletinVersion> versions)
    {
        var content = b.Content;
        var reply = new Bulletin
        {
            Id = b.Id, JurisdictionCode = b.JurisdictionCode, PeriodStart = b.PeriodStart.ToWire(), PeriodEnd = b.PeriodEnd.ToWire(),
            State = (BulletinState)b.State, Version = b.Version, Title = content.Title, Transferred = content.Transferred, InHand = content.InHand,
            Closed = content.Closed, Overdue = content.Overdue, Accountability = content.Accountability.ToChinese(),
            DraftedAt = Timestamp.FromDateTimeOffset(b.DraftedAt), PublishedAt = b.PublishedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        if (content.ToDate is { } total)
            reply.ToDate = new BulletinToDate
            {
                Since = total.Since.ToWire(), Transferred = total.Transferred, InHand = total.InHand, Closed = total.Closed, Overdue = total.Overdue,
                Accountability = total.Accountability.ToChinese(),
            };
        reply.Paragraphs.AddRange(content.Paragraphs());
        reply.Cases.AddRange(content.Cases.Select(c => new BulletinCase
        {
            Number = c.Number, CaseId = c.CaseId, Place = c.Place, PollutionType = c.PollutionType, BasicFacts = c.BasicFacts, Findings = c.Findings,
            Result = c.Result, Rectification = c.Rectification, Accountability = c.Accountability.ToChinese(), Typical = c.Typical,
        }));
        Model.BulletinVersion? previous = null;
        foreach (var v in versions)
        {
            var version = new BulletinVersion
            {
                Number = v.Number, Reason = v.Reason ?? "", PublishedAt = Timestamp.FromDateTimeOffset(v.PublishedAt), PublishedBy = v.PublishedBy,
                PreviousHash = v.PreviousHash, Hash = v.Hash, Verified = v.Follows(previous),
            };
            if (previous is not null)
                version.Changes.AddRange(Model.BulletinChanges.Between(Model.BulletinContentJson.Read(previous.ContentJson), Model.BulletinContentJson.Read(v.ContentJson)));
            reply.Versions.Add(version);
            previous = v;
        }
        return reply;
    }

    public static BulletinCadence ToContract(this Model.BulletinCadence c)
    {
        var reply = new BulletinCadence
        {
            JurisdictionCode = c.JurisdictionCode, Kind = (CadenceKind)c.Kind, EveryDays = c.EveryDays, StartDate = c.Start.ToWire(), EndDate = c.End.ToWire(),
        };
        reply.Weekdays.AddRange(c.Weekdays);
        return reply;
    }
}
