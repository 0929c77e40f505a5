using Ducha.Contracts.Secondment.V1;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.Secondment;

/// <summary>The 双随机 registers page: a page of targets, a page of inspectors, the level's recent draws and the cadres who may inspect.</summary>
public sealed record DrawRegisters(SignedInPerson Person, InspectionTargetPage Targets, InspectorPage Inspectors, IReadOnlyList<Draw> Draws,
    IReadOnlyList<Cadre> Cadres);

/// <summary>A draw as its page shows it, with VerifyDraw's answer when asked for.</summary>
public sealed record DrawSheet(Draw Draw, DrawVerification? Verification, bool Verified);

/// <summary>Reads for the 抽调 pages other than the roster, each as the signed-in person.</summary>
public sealed class SecondmentReads(ConsoleSecondmentClient secondment)
{
    public const int RegisterPageSize = 50;
    /// <summary>How many of the level's draws the registers page lists, the latest first.</summary>
    public const int RecentDraws = 20;

    public async Task<AnnualAssessmentList> AnnualAsync(SignedInPerson person, int year, CancellationToken cancellationToken) =>
        await secondment.ListAnnualAssessmentsAsync(new ListAnnualAssessmentsRequest { JurisdictionCode = person.JurisdictionCode, Year = year },
            cancellationToken: cancellationToken);

    public async Task<Organization> OrganizationAsync(SignedInPerson person, CancellationToken cancellationToken) =>
        await secondment.GetOrganizationAsync(new GetOrganizationRequest { JurisdictionCode = person.JurisdictionCode }, cancellationToken: cancellationToken);

    public async Task<SupervisionRequestPage> SupervisionAsync(SignedInPerson person, string? pageToken, CancellationToken cancellationToken) =>
        await secondment.ListSupervisionRequestsAsync(new ListSupervisionRequestsRequest
        {
            JurisdictionCode = person.JurisdictionCode, PageSize = 50, PageToken = pageToken ?? "",
        }, cancellationToken: cancellationToken);

    public async Task<DrawRegisters> RegistersAsync(SignedInPerson person, string? targetsPage, string? inspectorsPage, CancellationToken cancellationToken)
    {
        var code = person.JurisdictionCode;
        var targets = await secondment.ListTargetsAsync(new ListTargetsRequest { JurisdictionCode = code, PageSize = RegisterPageSize, PageToken = targetsPage ?? "" },
            cancellationToken: cancellationToken);
        var inspectors = await secondment.ListInspectorsAsync(new ListInspectorsRequest
        {
            JurisdictionCode = code, PageSize = RegisterPageSize, PageToken = inspectorsPage ?? "",
        }, cancellationToken: cancellationToken);
        var cadres = await secondment.ListCadresAsync(new ListCadresRequest { JurisdictionCode = code, PageSize = 200 }, cancellationToken: cancellationToken);
        return new DrawRegisters(person, targets, inspectors, await DrawsAsync(code, cancellationToken), cadres.Cadres);
    }

    /// <summary>The level's latest draws, newest first.</summary>
    private async Task<IReadOnlyList<Draw>> DrawsAsync(string code, CancellationToken cancellationToken) =>
        (await secondment.ListDrawsAsync(new ListDrawsRequest { JurisdictionCode = code, PageSize = RecentDraws }, cancellationToken: cancellationToken)).Draws;

    /// <summary>The draw, or null when the service does not show it to this person; with its verification when <paramref name="verify"/>.</summary>
    public async Task<DrawSheet?> DrawAsync(string id, bool verify, CancellationToken cancellationToken)
    {
        if (await secondment.GetDrawAsync(new GetDrawRequest { Id = id }, cancellationToken: cancellationToken).OrNullWhenHiddenAsync() is not { } draw)
            return null;
        if (!verify) return new DrawSheet(draw, null, false);
        var verification = await secondment.VerifyDrawAsync(new VerifyDrawRequest { Id = id }, cancellationToken: cancellationToken).OrNullWhenHiddenAsync();
        return new DrawSheet(draw, verification, true);
    }
}
