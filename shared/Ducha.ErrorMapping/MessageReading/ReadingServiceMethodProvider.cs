using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ducha.ErrorMapping.MessageReading;

/// <summary>
/// Binds every gRPC service (Ducha's, health, reflection) as grpc-dotnet's own binder does — through the generated
/// <c>BindService</c> — but with each method's request marshaller wrapped, so that a message which cannot be decoded is
/// answered <c>INVALID_ARGUMENT</c> naming the message type and the reason.
/// <para>
/// Why here: grpc-dotnet decodes the request before any interceptor runs (UnaryServerCallHandler →
/// PipeExtensions.ReadSingleMessageAsync → the method's deserializer), and an exception from the deserializer reaches
/// ServerCallHandlerBase as a handler failure: <c>UNKNOWN</c> "Exception was thrown by handler." with an error-level
/// stack trace per call. An <see cref="RpcException"/> thrown by the deserializer instead becomes the call's status.
/// The marshaller is the one place every decode passes (unary and streaming alike, after grpc-dotnet has framed and
/// decompressed the message), and wrapping it costs a delegate call, where a middleware parsing the body in front of
/// the handler would buffer and decode every request twice.
/// </para>
/// This replaces grpc-dotnet's internal <c>BinderServiceMethodProvider</c> (see <see cref="UnreadableMessageRegistration"/>)
/// and follows its ProviderServiceBinder: same handler lookup, same endpoint metadata.
/// </summary>
internal sealed class ReadingServiceMethodProvider<TService>(UnreadableMessageLog log, IServiceProvider services,
    ILogger<ReadingServiceMethodProvider<TService>> logger) : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        // A second AddGrpc() after AddServiceDefaults would bring grpc-dotnet's binder back, and every method would be
        // bound twice (an ambiguous route on the first call); say so at start-up instead.
        if (services.GetServices<IServiceMethodProvider<TService>>().Any(p => UnreadableMessageRegistration.IsGrpcBinder(p.GetType())))
            throw new InvalidOperationException("grpc-dotnet's BinderServiceMethodProvider is registered next to Ducha's ReadingServiceMethodProvider: " +
                "call AddGrpc() before AddServiceDefaults(), not after.");

        var bind = FindBindMethod(typeof(TService));
        if (bind is null)
        {
            logger.LogDebug("Could not find bind method for {ServiceType}.", typeof(TService));
            return;
        }
        var binder = new Binder(context, bind.GetParameters()[1].ParameterType, log);
        try
        {
            bind.Invoke(null, [binder, null]);
        }
        catch (TargetInvocationException ex)
        {
            throw new InvalidOperationException($"Error binding gRPC service '{typeof(TService).Name}'.", ex.InnerException ?? ex);
        }
    }

    /// <summary>The generated static BindService(ServiceBinderBase, TServiceBase), found through [BindServiceMethod].</summary>
    private static MethodInfo? FindBindMethod(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } attribute)
                return attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static, binder: null,
                    [typeof(ServiceBinderBase), type], modifiers: null);
        }
        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type declaringType, UnreadableMessageLog log) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, [typeof(TRequest), typeof(ServerCallContext)]);
            context.AddUnaryMethod(Reading(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)]);
            context.AddClientStreamingMethod(Reading(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
            context.AddServerStreamingMethod(Reading(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                [typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
            context.AddDuplexStreamingMethod(Reading(method), metadata, invoker);
        }

        /// <summary>The same method with a request marshaller that refuses an undecodable message as the client's fault.</summary>
        private Method<TRequest, TResponse> Reading<TRequest, TResponse>(Method<TRequest, TResponse> method)
        {
            var messageName = MessageName(typeof(TRequest));
            var deserialize = method.RequestMarshaller.ContextualDeserializer;
            var marshaller = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, message =>
            {
                try
                {
                    return deserialize(message);
                }
                // InvalidProtocolBufferException: truncated varint, length past the end, wrong wire type, invalid UTF-8
                // (a lone surrogate included), nesting too deep. ArgumentException: a decoder's complaint about text.
                catch (Exception ex) when (ex is InvalidProtocolBufferException or ArgumentException)
                {
                    throw log.Refuse(method.FullName, messageName, ex);
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
        }

        private static string MessageName(Type type) =>
            type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is MessageDescriptor descriptor
                ? descriptor.FullName
                : type.Name;

        /// <summary>The service's handler and the endpoint metadata, as grpc-dotnet's ProviderServiceBinder builds them.</summary>
        private (TDelegate Invoker, List<object> Metadata) Model<TDelegate>(string methodName, Type[] parameters) where TDelegate : Delegate
        {
            var handler = HandlerMethod(methodName, parameters) ?? throw new InvalidOperationException($"Could not find '{methodName}' on {typeof(TService)}.");
            var invoker = (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler);
            var metadata = new List<object>();
            // Type metadata first, so method metadata (added last) takes precedence.
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            // Accepting CORS preflight means gRPC answers OPTIONS with preflight headers itself when no CORS middleware does.
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return (invoker, metadata);
        }

        /// <summary>The override of the generated base's virtual method; a method that merely hides it by name does not count.</summary>
        private MethodInfo? HandlerMethod(string methodName, Type[] parameters)
        {
            for (var type = typeof(TService); type is not null; type = type.BaseType)
            {
                var candidate = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance, binder: null, parameters, modifiers: null);
                if (candidate is null) return null;
                if (candidate.IsVirtual && candidate.GetBaseDefinition()?.DeclaringType == declaringType) return candidate;
            }
            return null;
        }
    }
}
