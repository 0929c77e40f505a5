using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Calls;

/// <summary>The cases client as the console registers it: a type of its own, so its configuration is the console's alone.</summary>
public sealed class ConsoleCasesClient(CallInvoker invoker) : Contracts.Cases.V1.Cases.CasesClient(invoker);

/// <summary>The disclosure client as the console registers it: bulletins, drafted, published and corrected as the person.</summary>
public sealed class ConsoleDisclosureClient(CallInvoker invoker) : Contracts.Disclosure.V1.Disclosure.DisclosureClient(invoker);
/// <summary>The exposure service (曝光), called with the signed-in person's token.</summary>
public sealed class ConsoleExposureClient(CallInvoker invoker) : Contracts.Exposure.V1.Exposure.ExposureClient(invoker);
/// <summary>The assessment service (考核): schemes, measured values, score sheets and rankings, as the signed-in person.</summary>
public sealed class ConsoleAssessmentClient(CallInvoker invoker) : Contracts.Assessment.V1.Assessment.AssessmentClient(invoker);
/// <summary>The secondment service (抽调): cadres, terms, the organization, supervision requests and draws, as the signed-in person.</summary>
public sealed class ConsoleSecondmentClient(CallInvoker invoker) : Contracts.Secondment.V1.Secondment.SecondmentClient(invoker);

/// <summary>The unit register, read with the signed-in person's token.</summary>
public sealed class ConsoleUnitsClient(CallInvoker invoker) : Contracts.Cases.V1.Units.UnitsClient(invoker);

/// <summary>The unit register as the development sign-in page reads it, before anyone has signed in.</summary>
public sealed class SignInUnitsClient(CallInvoker invoker) : Contracts.Cases.V1.Units.UnitsClient(invoker);

public static class ConsoleCallsRegistration
{
    /// <summary>
    /// gRPC clients addressed by service name (<c>http://cases</c>, resolved through service discovery like the services'
    /// own calls to each other), each call carrying the signed-in person's own token: the console acts as the person, so
    /// every rule of reach and role is the service's to apply. The standalone host points every name at itself.
    /// </summary>
    public static IServiceCollection AddConsoleCalls(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AsPerson<ConsoleCasesClient>("cases");
        services.AsPerson<ConsoleUnitsClient>("cases");
        services.AsPerson<ConsoleDisclosureClient>("disclosure");
        services.AsPerson<ConsoleExposureClient>("exposure");
        services.AsPerson<ConsoleAssessmentClient>("assessment");
        services.AsPerson<ConsoleSecondmentClient>("secondment");
        // Which units a jurisdiction has is asked as that jurisdiction's office, with a development token: the page that
        // asks exists in Development only.
        services.AddGrpcClient<SignInUnitsClient>(o => o.Address = new Uri("http://cases"))
            .AddInterceptor(sp => new JurisdictionOfficeInterceptor(sp.GetRequiredService<Ducha.Identity.TokenIssuer>()));
        return services;
    }

    private static void AsPerson<TClient>(this IServiceCollection services, string service) where TClient : class =>
        services.AddGrpcClient<TClient>(o => o.Address = new Uri($"http://{service}"))
            // The token rides on cleartext h2c inside the deployment (and to itself in the standalone host), as the
            // services' own calls to each other do.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true)
            .AddCallCredentials(async (_, metadata, sp) =>
            {
                if (await sp.GetRequiredService<IAccessTokenSource>().GetAsync() is { } token)
                    metadata.Add("Authorization", "Bearer " + token);
            });
}
