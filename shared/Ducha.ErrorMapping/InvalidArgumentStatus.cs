using Ducha.BuildingBlocks;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using BadRequest = Google.Rpc.BadRequest;

namespace Ducha.ErrorMapping;

/// <summary>
/// A refused request as a google.rpc.Status: InvalidArgument, the exception's message, and a BadRequest naming each
/// field. One shape whether the service refused it (<see cref="ErrorInterceptor"/>) or the REST input check did.
/// </summary>
public static class InvalidArgumentStatus
{
    public static Google.Rpc.Status From(RequestValidationException invalid)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(invalid.Violations.Select(v =>
            new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        return new Google.Rpc.Status
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = invalid.Message,
            Details = { Any.Pack(badRequest) },
        };
    }
}
