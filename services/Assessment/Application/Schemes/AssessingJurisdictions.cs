using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Schemes;

internal static class AssessingJurisdictions
{
    /// <summary>The jurisdiction a request names, refused as bad input when the tree has no such code.</summary>
    public static Jurisdiction Require(this JurisdictionTree tree, string code, string field = "jurisdiction_code") =>
        tree.Find(code) ?? throw new RequestValidationException(field, $"'{code}' is not a known GB/T 2260 code");

    /// <summary>The jurisdiction and every level above it: whose schemes assess it.</summary>
    public static List<string> WithAncestors(this JurisdictionTree tree, string code) => [code, .. tree.Ancestors(code).Select(a => a.Code)];

    /// <summary>Refuses a reader outside the scheme's line (a sibling, or a sibling's subtree), logging who asked.</summary>
    public static void EnsureReadable(this JurisdictionTree tree, Actor actor, string jurisdictionCode, string operation, ILogger logger)
    {
        if (Domain.Schemes.Scheme.IsReadableBy(actor, jurisdictionCode, tree)) return;
        logger.LogWarning("Denied {Action} on {Target} to {Caller}: neither within nor above {CallerJurisdiction}", operation, jurisdictionCode, actor.ToString(),
            actor.JurisdictionCode);
        throw new PermissionDeniedException($"{operation}: the schemes of {jurisdictionCode} are read within its line, not from {actor.JurisdictionCode}.");
    }
}
