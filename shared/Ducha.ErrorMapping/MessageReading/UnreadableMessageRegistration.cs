using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ducha.ErrorMapping.MessageReading;

/// <summary>
/// Undecodable gRPC request messages answered <c>INVALID_ARGUMENT</c> and logged as rolled-up warnings, for every gRPC
/// service the process maps (see <see cref="ReadingServiceMethodProvider{TService}"/>, <see cref="UnreadableMessageLog"/>).
/// </summary>
public static class UnreadableMessageRegistration
{
    /// <summary>
    /// grpc-dotnet writes, for every call its handler ends with an error, an Information line (with the exception, so
    /// a stack trace, when the message could not be read: "Error reading message.") and one more for the status.
    /// A client sending garbage would write both per call; the log of <see cref="UnreadableMessageLog"/> replaces them.
    /// Errors of the handlers themselves are still written (at Error) by this category.
    /// </summary>
    public const string GrpcCallHandlerCategory = "Grpc.AspNetCore.Server.ServerCallHandler";

    /// <summary>The same line per refused call for REST callers ("Error status code 'InvalidArgument' with detail … raised.").</summary>
    public const string JsonTranscodingCallHandlerCategory = "Grpc.AspNetCore.Grpc.JsonTranscoding.ServerCallHandler";

    /// <summary>Call after <c>AddGrpc()</c>: replaces its binder with the reading one.</summary>
    public static IHostApplicationBuilder AddUnreadableMessageHandling(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var binders = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType is { } type && IsGrpcBinder(type)).ToList();
        if (binders.Count == 0)
            throw new InvalidOperationException("AddUnreadableMessageHandling() replaces grpc-dotnet's BinderServiceMethodProvider, which AddGrpc() registers: call AddGrpc() first.");
        foreach (var binder in binders) services.Remove(binder);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(ReadingServiceMethodProvider<>)));

        // Outermost, so it sees the status the other interceptors (ErrorInterceptor) made of an exception.
        services.Configure<GrpcServiceOptions>(o =>
        {
            o.Interceptors.Add<BoundedStatusInterceptor>();
            var bounded = o.Interceptors[^1];
            o.Interceptors.RemoveAt(o.Interceptors.Count - 1);
            o.Interceptors.Insert(0, bounded);
        });
        services.AddHttpContextAccessor();
        services.AddOptions<UnreadableMessageLogOptions>().BindConfiguration(UnreadableMessageLogOptions.SectionName);
        services.AddSingleton<UnreadableMessageLog>();
        services.AddHostedService(sp => sp.GetRequiredService<UnreadableMessageLog>());
        builder.Logging.AddFilter(GrpcCallHandlerCategory, LogLevel.Warning);
        builder.Logging.AddFilter(JsonTranscodingCallHandlerCategory, LogLevel.Warning);
        return builder;
    }

    internal static bool IsGrpcBinder(Type type) =>
        type.Assembly == typeof(IServiceMethodProvider<>).Assembly && type.Name == "BinderServiceMethodProvider`1";
}
