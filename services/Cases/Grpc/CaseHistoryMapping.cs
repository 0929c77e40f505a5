using Ducha.Contracts.Cases.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

internal static class CaseHistoryMapping
{
    public static CaseTransition ToContract(this Domain.CaseTransition t) => new()
    {
        Sequence = t.Sequence,
        Action = t.Action,
        FromStatus = t.FromStatus ?? string.Empty,
        ToStatus = t.ToStatus,
        Actor = t.Actor,
        ActorRole = t.ActorRole,
        ActorJurisdictionCode = t.ActorJurisdictionCode,
        ActorLevel = t.ActorLevel,
        Reason = t.Reason ?? string.Empty,
        At = Timestamp.FromDateTimeOffset(t.At),
        Hash = t.Hash,
    };
}
