using Ducha.WebConsole.Secondment;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// A 抽调 page: the organization department's and the office's (403 for anyone else before the service is asked). Its
/// reads turn every answer they understand into "not shown" or a rule's refusal, so a call that still fails is the
/// secondment service not answering: 503 with the page's words, never an error page.
/// </summary>
public abstract class SecondmentPage<TSheet> : ReadPage<TSheet> where TSheet : class
{
    protected override bool MayUse(SignedInPerson person) => SecondmentAccess.MayUse(person);

    protected sealed override bool Unreachable(RpcException ex) => true;
}
