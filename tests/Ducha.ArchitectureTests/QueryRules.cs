using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Ducha.ArchitectureTests;

/// <summary>
/// A read is one statement. Split into several (EF's split queries), a row and its children are read at different
/// moments: on PostgreSQL a commit landing between the statements showed a deduction with exposure's follow-up event
/// but not the aired problem the same commit named (<c>DeductionReadConsistencyTests</c>).
/// </summary>
public sealed class QueryRules
{
    private static readonly string[] Splitting = ["AsSplitQuery", "UseQuerySplittingBehavior"];

    [Theory]
    [MemberData(nameof(Layers.ServiceNames), MemberType = typeof(Layers))]
    public void No_service_splits_a_read_into_several_statements(string service)
    {
        using var module = ModuleDefinition.ReadModule(Layers.Services.Single(s => s.Name == service).Assembly.Location);
        // Async methods' bodies live in their state machines, nested types of the declaring one.
        var bodies = module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).ToList();
        Assert.True(bodies.Count > 0, $"{service} has no method bodies to check");
        var splitting = bodies
            .Where(m => m.Body.Instructions.Any(i => i.OpCode.FlowControl == FlowControl.Call && i.Operand is MethodReference called && Splitting.Contains(called.Name)))
            .Select(m => m.DeclaringType.FullName + "." + m.Name).ToList();
        Assert.True(splitting.Count == 0, $"These read in several statements, which need not agree: {string.Join(", ", splitting)}");
    }
}
