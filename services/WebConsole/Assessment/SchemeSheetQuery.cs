using Ducha.BuildingBlocks;
using Ducha.Contracts.Assessment.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Assessment;

/// <summary>A scheme as its page shows it, and whether this person may revise it or put it in force (the level's own draft).</summary>
public sealed record SchemeSheet(Scheme Scheme, string Place, bool Own, bool MayEdit);

/// <summary>Reads one scheme with GetScheme, as the signed-in person.</summary>
public sealed class SchemeSheetQuery(ConsoleAssessmentClient assessment, JurisdictionTree tree)
{
    /// <summary>The scheme; null when the service shows this person nothing of it (another level's, or none).</summary>
    public async Task<SchemeSheet?> LoadAsync(string id, SignedInPerson person, CancellationToken cancellationToken)
    {
        Scheme scheme;
        try
        {
            scheme = await assessment.GetSchemeAsync(new GetSchemeRequest { Id = id }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.InvalidArgument)
        {
            return null;
        }
        var own = scheme.JurisdictionCode == person.JurisdictionCode;
        return new SchemeSheet(scheme, AssessmentPlaces.FullName(tree, scheme.JurisdictionCode), own,
            own && person.Role is Role.Office or Role.Assessor && scheme.State == SchemeState.Draft);
    }
}
