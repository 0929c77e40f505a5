using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Application;

/// <summary>What cases answered: the facts of the cases it knows, and the ids it knows no case by.</summary>
public sealed record CaseFactsAnswer(IReadOnlyList<CaseFacts> Found, IReadOnlyList<string> Unknown);

/// <summary>The cases service, as disclosure asks it for what events do not carry.</summary>
public interface ICaseFactsSource
{
    /// <summary>The public facts of cases that all lie in <paramref name="provinceCode"/>, asked as the disclosure service itself.</summary>
    /// <exception cref="CaseFactsUnavailableException">Cases could not be reached or did not answer in time: ask again later.</exception>
    Task<CaseFactsAnswer> FetchAsync(string provinceCode, IReadOnlyList<string> caseIds, CancellationToken cancellationToken);
}

/// <summary>
/// Cases did not answer: down, overloaded, or refusing the service's token (a misconfigured key is fixed by an operator,
/// after which asking again succeeds). Either way the facts stay wanted and are asked for again later.
/// </summary>
public sealed class CaseFactsUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
