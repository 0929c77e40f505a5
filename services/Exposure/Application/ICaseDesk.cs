using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Application;

/// <summary>What Cases needs to open an aired problem's case, assign its follow-up and refer its clue.</summary>
/// <param name="Office">The airing office, as the person who recorded the airing: the exposure service acts on their behalf.</param>
public sealed record ExposureCaseOrder(ExposureProblem Problem, FollowUpDuty FollowUp, string ClueSummary, Actor Office);

/// <summary>The cases service, as the exposure service uses it.</summary>
public interface ICaseDesk
{
    /// <summary>Opens the problem's case (once per exposure, however often asked) and answers its id.</summary>
    /// <exception cref="CaseDeskUnavailableException">Cases could not be reached or did not answer in time: ask again later.</exception>
    /// <exception cref="CaseDeskRefusedException">Cases refused the order as it stands: asking again will not help.</exception>
    Task<string> OpenCaseAsync(ExposureCaseOrder order, CancellationToken cancellationToken);
}

public sealed class CaseDeskUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class CaseDeskRefusedException(string message, Exception? inner = null) : Exception(message, inner);
