using Ducha.Cases.Confidentiality;
using Ducha.Cases.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application;

/// <summary>A case as one actor may read it: the reporter is there only for those <see cref="CaseAccess.CanSeeReporter"/> allows.</summary>
public sealed record CaseView(Case Case, ReporterIdentity? Reporter);

/// <summary>Opens the sealed reporter for the actors allowed to read it, and for no one else.</summary>
public sealed class CaseViews(ReporterProtector reporters, JurisdictionTree tree)
{
    public CaseView For(Case @case, Actor actor) =>
        new(@case, @case.ReporterSealed is { } sealedIdentity && @case.CanSeeReporter(actor, tree) ? reporters.Open(@case.Id, sealedIdentity) : null);
}
