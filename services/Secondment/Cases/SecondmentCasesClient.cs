using Grpc.Core;

namespace Ducha.Secondment.Cases;

/// <summary>
/// The cases client as the secondment service registers it (<c>AddServiceClient</c>), a type of its own: the client factory
/// injects one configuration per client type, and in the standalone host exposure registers the cases client for itself,
/// with its own identity on every call.
/// </summary>
internal sealed class SecondmentCasesClient(CallInvoker invoker) : Contracts.Cases.V1.Cases.CasesClient(invoker);
