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
        Types.InAssembly(Console).ShouldNot().HaveDependencyOnAny([.. Layers.Services.Select(s => s.Name)])
            .GetResult().Holds("The console must call the services over gRPC, not reference their code or their stores");
    }

    [Fact]
    public void Only_the_console_s_own_store_touches_a_database()
    {
        // Its sessions, key ring and claimed forms live in a database of its own (Data/); pages, calls and casework see
        // that store through its classes, never through EF Core, and no service's store is within reach at all.
        Types.InAssembly(Console).That().ResideInNamespace("Ducha.WebConsole.Data").NonEmpty("the console's store");
        Types.InAssembly(Console).That().ResideInNamespace("Ducha.WebConsole").And().DoNotResideInNamespace("Ducha.WebConsole.Data")
            .ShouldNot().HaveDependencyOnAny("Ducha.Persistence", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite")
            .GetResult().Holds("Outside Ducha.WebConsole.Data the console must not touch a store");
    }
}
