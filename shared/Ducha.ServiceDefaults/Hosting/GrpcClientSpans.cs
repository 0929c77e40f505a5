using System.Diagnostics;
using OpenTelemetry;

namespace Ducha.ServiceDefaults.Hosting;

/// <summary>
/// The span of an outgoing gRPC call (Grpc.Net.Client's own activity, source <see cref="SourceName"/>), named for the
/// method it calls — <c>ducha.cases.v1.Cases/OpenExposureCase</c> rather than the generic <c>Grpc.Net.Client.GrpcOut</c> —
/// with the OpenTelemetry <c>rpc.*</c> attributes. Exporting it matters more than its name: the HTTP/2 request spans
/// (one per attempt of the resilience pipeline) are its children, and without it they would point at a parent no
/// collector ever receives, cutting the call to another service out of the caller's trace.
/// </summary>
internal sealed class GrpcClientSpans : BaseProcessor<Activity>
{
    public const string SourceName = "Grpc.Net.Client";

    public override void OnStart(Activity data)
    {
        // Grpc.Net.Client tags the method ("/package.Service/Method") before it starts the activity.
        if (data.Source.Name != SourceName || data.GetTagItem("grpc.method") is not string method) return;
        var name = method.TrimStart('/');
        data.DisplayName = name;
        data.SetTag("rpc.system", "grpc");
        var slash = name.LastIndexOf('/');
        if (slash <= 0) return;
        data.SetTag("rpc.service", name[..slash]);
        data.SetTag("rpc.method", name[(slash + 1)..]);
    }
}
