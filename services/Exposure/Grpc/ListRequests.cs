using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Application;

namespace Ducha.Exposure.Grpc;

/// <summary>Checks of the list requests: page size and token, the column, the range and the stage.</summary>
internal static class ListRequests
{
    public const int DefaultPageSize = 50, MaxPageSize = 200;

    public sealed record Page(int Size, ListPosition? After);

    public static (string JurisdictionCode, Page Page) Validate(ListColumnsRequest request, string callerJurisdictionCode)
    {
        var validator = new RequestValidator();
        if (request.JurisdictionCode.Length > 0) validator.RequireJurisdictionCode(request.JurisdictionCode);
        var page = validator.Paging(request.PageSize, request.PageToken, ListPosition.Columns);
        validator.ThrowIfInvalid(ListColumnsRequest.Descriptor);
        return (request.JurisdictionCode.Length > 0 ? request.JurisdictionCode : callerJurisdictionCode, page);
    }

    public static (DateOnly From, DateOnly To, Page Page) Validate(ListProgrammesRequest request)
    {
        var validator = new RequestValidator()
            .RequireText(request.ColumnId, "column_id", 36)
            .Require(!string.IsNullOrEmpty(request.From), "from", "is required")
            .OptionalDate(request.From, "from", out var from)
            .Require(!string.IsNullOrEmpty(request.To), "to", "is required")
            .OptionalDate(request.To, "to", out var to);
        var page = validator.Paging(request.PageSize, request.PageToken, ListPosition.Programmes, dated: true);
        validator.ThrowIfInvalid(ListProgrammesRequest.Descriptor);
        return (from!.Value, to!.Value, page);
    }

    public static (Application.ExposureStage? Stage, Page Page) Validate(ListExposuresRequest request)
    {
        var validator = new RequestValidator()
            .RequireText(request.ColumnId, "column_id", 36)
            .Require(System.Enum.IsDefined(request.Stage), "stage", "must be EXPOSURE_STAGE_PROPOSED, _SCHEDULED or _AIRED, or unset for every stage");
        var page = validator.Paging(request.PageSize, request.PageToken, ListPosition.Exposures);
        validator.ThrowIfInvalid(ListExposuresRequest.Descriptor);
        return (request.Stage == Contracts.Exposure.V1.ExposureStage.Unspecified ? null : (Application.ExposureStage)request.Stage, page);
    }

    public static Page Validate(ListFollowUpsRequest request)
    {
        var validator = new RequestValidator();
        var page = validator.Paging(request.PageSize, request.PageToken, request.Completed ? ListPosition.CompletedFollowUps : ListPosition.OpenFollowUps,
            dated: true);
        validator.ThrowIfInvalid(ListFollowUpsRequest.Descriptor);
        return page;
    }

    /// <param name="dated">The list is ordered by a date, which its tokens must carry.</param>
    private static Page Paging(this RequestValidator validator, int pageSize, string pageToken, string list, bool dated = false)
    {
        validator.Require(pageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 1 and {MaxPageSize} (0 for {DefaultPageSize})");
        var after = default(ListPosition);
        var paged = pageToken.Length > 0;
        validator.Require(!paged || ListPosition.TryParse(list, pageToken, out after) && (!dated || after.Date is not null), "page_token",
            "is not a token this service issued");
        return new Page(pageSize == 0 ? DefaultPageSize : pageSize, paged ? after : null);
    }
}
