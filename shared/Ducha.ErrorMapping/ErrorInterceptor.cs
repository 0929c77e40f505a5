using System.Globalization;
using System.Text;
using Ducha.BuildingBlocks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Ducha.ErrorMapping;

/// <summary>Turns domain exceptions into gRPC status codes; unexpected errors are logged and answered as Internal.</summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public const string FieldTrailer = "ducha-invalid-fields";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    private RpcException Translate(Exception ex, ServerCallContext context)
    {
        switch (ex)
        {
            case RequestValidationException invalid:
                return InvalidArgument(invalid);
            case EntityNotFoundException notFound:
                return new RpcException(new Status(StatusCode.NotFound, notFound.Message));
            case PermissionDeniedException denied:
                return new RpcException(new Status(StatusCode.PermissionDenied, denied.Message));
            case DomainRuleException rule:
                return FailedPrecondition(rule);
            case ConcurrentChangeException conflict:
                logger.LogInformation("Concurrent change refused in {Method}: {Reason}", context.Method, conflict.InnerException?.Message);
                return new RpcException(new Status(StatusCode.Aborted, conflict.Message));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
            default:
                logger.LogError(ex, "Unhandled error in {Method}", context.Method);
                return new RpcException(new Status(StatusCode.Internal, "Internal error; see the service log."));
        }
    }

    /// <summary>
    /// A refusal about particular inputs (a squeezed <c>working_days</c>, a missing <c>plan.target</c>) names them in a
    /// google.rpc.PreconditionFailure (type FIELD, subject the field), so a form can mark them; REST callers get it in
    /// the 400 body's details, gRPC callers in the grpc-status-details-bin trailer and in <see cref="FieldTrailer"/>.
    /// </summary>
    private static RpcException FailedPrecondition(DomainRuleException rule)
    {
        if (rule.Fields.Count == 0) return new RpcException(new Status(StatusCode.FailedPrecondition, rule.Message));
        var failure = new Google.Rpc.PreconditionFailure();
        failure.Violations.AddRange(rule.Fields.Select(f => new Google.Rpc.PreconditionFailure.Types.Violation { Type = "FIELD", Subject = f, Description = rule.Message }));
        var status = new Google.Rpc.Status { Code = (int)StatusCode.FailedPrecondition, Message = rule.Message, Details = { Google.Protobuf.WellKnownTypes.Any.Pack(failure) } };
        var trailers = new Metadata { { FieldTrailer, TrailerValue(rule.Fields) } };
        trailers.SetRpcStatus(status);
        return new RpcException(new Status(StatusCode.FailedPrecondition, rule.Message), trailers);
    }

    /// <summary>
    /// Names the offending fields twice: in <see cref="FieldTrailer"/>, which gRPC callers already read, and as a
    /// google.rpc.Status with BadRequest field violations, because JSON transcoding drops plain trailers and writes
    /// only that status into a REST caller's 400 body (details[].fieldViolations[].field).
    /// </summary>
    private static RpcException InvalidArgument(RequestValidationException invalid)
    {
        var status = InvalidArgumentStatus.From(invalid);
        var trailers = new Metadata { { FieldTrailer, TrailerValue(invalid.Violations.Select(v => v.Field)) } };
        trailers.SetRpcStatus(status);
        return new RpcException(new Status(StatusCode.InvalidArgument, invalid.Message), trailers);
    }

    /// <summary>
    /// The fields, comma-separated, as a header can carry them. A field may be named after the caller's own key
    /// (<c>texts[调查情况]</c>), and Kestrel refuses a trailer that is not printable ASCII — the refusal would reach the
    /// caller as the server's failure. Other characters are percent-encoded as UTF-8, as gRPC encodes grpc-message.
    /// </summary>
    private static string TrailerValue(IEnumerable<string> fields)
    {
        var joined = string.Join(",", fields);
        if (joined.All(c => c is >= ' ' and <= '~' and not '%')) return joined;
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(joined))
        {
            if (b is >= (byte)' ' and <= (byte)'~' and not (byte)'%') encoded.Append((char)b);
            else encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
