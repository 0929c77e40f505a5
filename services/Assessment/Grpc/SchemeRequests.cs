using Ducha.Assessment.Application;
using Ducha.Contracts.Assessment.V1;
using Model = Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Grpc;

/// <summary>Checks of the scheme requests; the content's own rules are the domain's (<see cref="Model.SchemeContentRules"/>), named here in one answer.</summary>
internal static class SchemeRequests
{
    private const int MaxKey = 100;

    /// <summary>The content to draft, or null for the example.</summary>
    public static Model.SchemeContent? Validate(CreateSchemeRequest request)
    {
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.Year is >= Model.Scheme.EarliestYear and <= Model.Scheme.LatestYear, "year",
                $"must be between {Model.Scheme.EarliestYear} and {Model.Scheme.LatestYear}")
            .RequireDefined(request.Audience, "audience")
            .OptionalText(request.IdempotencyKey, "idempotency_key", MaxKey);
        Model.SchemeContent? content = null;
        if (request.FromExample)
            validator.Require(request.Content is null, "content", "must be left out with from_example: the example is the content");
        else if (request.Content is null)
            validator.Require(false, "content", "is required unless from_example");
        else
        {
            content = request.Content.ToModel();
            // A year out of range is refused on its own; its baselines are judged against the nearest year that is not.
            validator.Add(Model.SchemeContentRules.Check(content, Math.Clamp(request.Year, Model.Scheme.EarliestYear, Model.Scheme.LatestYear)));
        }
        validator.ThrowIfInvalid(CreateSchemeRequest.Descriptor);
        return content;
    }

    /// <summary>The new content; the rules that depend on the scheme's year are checked with the scheme.</summary>
    public static Model.SchemeContent Validate(ReviseSchemeRequest request)
    {
        new RequestValidator()
            .RequireText(request.Id, "id", 36)
            .Require(request.Content is not null, "content", "is required")
            .Require(request.Revision >= 1, "revision", "is required: the revision the new content replaces, as last read")
            .ThrowIfInvalid(ReviseSchemeRequest.Descriptor);
        return request.Content!.ToModel();
    }

    public static void Validate(CopySchemeRequest request) =>
        new RequestValidator()
            .RequireText(request.Id, "id", 36)
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.Year is >= Model.Scheme.EarliestYear and <= Model.Scheme.LatestYear, "year",
                $"must be between {Model.Scheme.EarliestYear} and {Model.Scheme.LatestYear}")
            .RequireDefined(request.Audience, "audience")
            .OptionalText(request.IdempotencyKey, "idempotency_key", MaxKey)
            .ThrowIfInvalid(CopySchemeRequest.Descriptor);

    public static (int PageSize, YearPageToken? After) Validate(ListSchemesRequest request)
    {
        const int max = Application.Schemes.ListSchemes.MaxPageSize;
        YearPageToken? after = null;
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.PageSize is >= 0 and <= max, "page_size", $"must be between 1 and {max} (0 for {Application.Schemes.ListSchemes.DefaultPageSize})");
        if (request.PageToken.Length > 0)
            validator.Require(YearPageToken.TryParse(request.PageToken, YearPageToken.Schemes, out var token) && (after = token) is not null, "page_token",
                "is not a token this list gave");
        validator.ThrowIfInvalid(ListSchemesRequest.Descriptor);
        return (request.PageSize == 0 ? Application.Schemes.ListSchemes.DefaultPageSize : request.PageSize, after);
    }
}
