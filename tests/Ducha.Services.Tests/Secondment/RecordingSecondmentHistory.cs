using System.Collections.Concurrent;
using Ducha.BuildingBlocks;
using Ducha.Secondment.Application.History;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// Test-only stand-in for the secondment history until its chained implementation is registered by the service: it
/// keeps the links asked for, so the host starts and the use cases that append run. A registration by the service comes
/// later and wins.
/// </summary>
public sealed class RecordingSecondmentHistory : ISecondmentHistory
{
    public ConcurrentQueue<(string JurisdictionCode, string Kind, string SubjectId)> Links { get; } = new();

    public Task AppendAsync(string jurisdictionCode, string kind, string subjectId, object payload, Actor actor, CancellationToken cancellationToken)
    {
        Links.Enqueue((jurisdictionCode, kind, subjectId));
        return Task.CompletedTask;
    }
}
