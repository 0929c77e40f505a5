using NetArchTest.Rules;

namespace Ducha.ArchitectureTests;

/// <summary>The console is a client of the services like any other: it speaks their contracts, never their insides.</summary>
public sealed class ConsoleRules
{
    private static readonly System.Reflection.Assembly Console = typeof(Ducha.WebConsole.Inbox.InboxQuery).Assembly;

    [Fact]
    public void The_console_reaches_the_services_only_through_their_contracts()
    {
        Types.InAssembly(Console).That().ResideInNamespace("Ducha.WebConsole").NonEmpty("the console");
        Types.InAssembly(Console).ShouldNot().HaveDependencyOnAny([.. Layers.Services.Select(s => s.Name), "Ducha.Persistence", "Microsoft.EntityFrameworkCore"])
            .GetResult().Holds("The console must call the services over gRPC, not reference their code or their stores");
    }
}
