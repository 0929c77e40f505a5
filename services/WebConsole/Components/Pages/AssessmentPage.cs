using Ducha.WebConsole.Assessment;
using Grpc.Core;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// A 考核 page. Its reads turn every answer they understand into a <see cref="Read{T}"/> (not shown, or a rule's
/// refusal), so a call that still fails is the 考核 service not answering: 503 with the page's words, never an error page.
/// </summary>
public abstract class AssessmentPage<TSheet> : ReadPage<TSheet> where TSheet : class
{
    protected sealed override bool Unreachable(RpcException ex) => true;
}
