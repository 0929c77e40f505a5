using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Exposure;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// One aired problem's follow-up: the problem, its deadline in working days and, for the office that owes it, the form to
/// record the return visit and the follow-up broadcast. One the service will not show this person is answered 404.
/// </summary>
public sealed partial class FollowUpPage
{
    [Inject] private FollowUpsQuery Query { get; set; } = null!;

    protected override Task<FollowUpSheet?> LoadAsync(SignedInPerson person, CancellationToken cancellationToken) =>
        Query.OneAsync(Id, person, cancellationToken);

    private static string Day(string wire) => ExposureWords.ParseDate(wire) is { } date ? ExposureWords.Date(date) : wire;

    private static bool Open(Contracts.Exposure.V1.ExposureProblem problem) => problem.ReturnVisit is null || problem.FollowUpBroadcast is null;
}
