using System.Collections.Concurrent;
using Ducha.BuildingBlocks;
using Ducha.Secondment.Application.History;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests.Secondment;

/// <summary>A host whose secondment history is a recorder, until the hash-chained history is part of the service.</summary>
public sealed class DrawsFixture : StandaloneFixture
{
    public RecordingHistory History { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<ISecondmentHistory>(History);
}

public sealed class RecordingHistory : ISecondmentHistory
{
    public ConcurrentQueue<(string JurisdictionCode, string Kind, string SubjectId)> Links { get; } = new();

    public Task AppendAsync(string jurisdictionCode, string kind, string subjectId, object payload, Actor actor, CancellationToken cancellationToken)
    {
        Links.Enqueue((jurisdictionCode, kind, subjectId));
        return Task.CompletedTask;
    }
}
