using System.Diagnostics;
using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ducha.Exposure.Application;

/// <summary>
/// Opens the case every aired problem is owed (<see cref="CaseOpening"/>), retrying until Cases answers. Not an event
/// handler: a bus gives up on a message after a few attempts, and an exposed problem must get its case however long
/// Cases is down. Cases opens one case per exposure, so two replicas asking at once still open one.
/// </summary>
public sealed class CaseOpener(IServiceScopeFactory scopes, JurisdictionTree tree, TimeProvider time, IConfiguration configuration, ILogger<CaseOpener> logger)
    : BackgroundService
{
    private static readonly ActivitySource Source = new("Ducha.Exposure");
    private const int Batch = 20;
    private readonly SemaphoreSlim _nudge = new(0, 1);
    private readonly TimeSpan _poll = configuration.GetValue("Exposure:CaseOpenerPollInterval", TimeSpan.FromSeconds(5));

    /// <summary>Wakes the opener now rather than at its next poll: an airing was just recorded.</summary>
    public void Nudge()
    {
        if (_nudge.CurrentCount == 0)
        {
            try { _nudge.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Case opener pass failed; retrying at the next poll");
            }
            try { await _nudge.WaitAsync(_poll, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public override void Dispose()
    {
        _nudge.Dispose();
        base.Dispose();
    }

    /// <summary>One pass over the openings that are due; answers how many cases were opened.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetStoredUtcNow();
        List<string> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<ExposureDbContext>().CaseOpenings
                .Where(o => o.OpenedAt == null && o.RefusedReason == null && o.NextAttemptAt <= now)
                .OrderBy(o => o.NextAttemptAt).Take(Batch).Select(o => o.ExposureId).ToListAsync(cancellationToken);
        var opened = 0;
        foreach (var exposureId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await OpenAsync(scope.ServiceProvider, exposureId, cancellationToken)) opened++;
        }
        return opened;
    }

    private async Task<bool> OpenAsync(IServiceProvider services, string exposureId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ExposureDbContext>();
        var opening = await db.CaseOpenings.FirstAsync(o => o.ExposureId == exposureId, cancellationToken);
        var problem = await db.Exposures.FirstAsync(p => p.Id == exposureId, cancellationToken);
        if (!opening.IsPending || problem.FollowUp is not { } duty) return false;
        var office = new Actor(opening.OrderedBy, Role.Office, opening.OfficeJurisdictionCode,
            tree.Get(opening.OfficeJurisdictionCode).Level.ToString().ToLowerInvariant());
        ActivityContext.TryParse(opening.TraceParent, null, out var airing);
        using var activity = Source.StartActivity("exposure open case", ActivityKind.Internal, airing);
        activity?.SetTag("ducha.exposure_id", exposureId);
        var opened = false;
        try
        {
            var caseId = await services.GetRequiredService<ICaseDesk>().OpenCaseAsync(new ExposureCaseOrder(problem, duty, problem.ClueSummary(), office),
                cancellationToken);
            opening.Opened(caseId, time.GetStoredUtcNow());
            problem.AttachCase(caseId);
            opened = true;
            logger.LogInformation("Exposure {ExposureId}: case {CaseId} opened after {Attempts} failed attempts", exposureId, caseId, opening.Attempts);
        }
        catch (CaseDeskUnavailableException ex)
        {
            opening.Failed(ex.Message, time.GetStoredUtcNow());
            logger.LogWarning("Exposure {ExposureId}: Cases unavailable (attempt {Attempts}: {Reason}); next attempt at {NextAttemptAt:O}", exposureId,
                opening.Attempts, ex.Message, opening.NextAttemptAt);
        }
        catch (CaseDeskRefusedException ex)
        {
            opening.Refused(ex.Message, time.GetStoredUtcNow());
            logger.LogError("Exposure {ExposureId}: Cases refused to open its case: {Reason}; an office must open it by hand", exposureId, ex.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return opened;
    }
}
