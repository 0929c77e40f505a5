using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ducha.ServiceDefaults.Hosting;

/// <summary>
/// Lets one cleartext port serve HTTP/1.1 (browsers, REST, health probes) and HTTP/2 with prior knowledge (gRPC).
/// Kestrel picks HTTP/1.1 on a cleartext Http1AndHttp2 endpoint because it has no ALPN to go by; this connection
/// middleware looks at the first bytes and, when they are the RFC 9113 client preface, tells Kestrel "h2" through
/// the same feature ALPN would have set. Nothing is consumed, so the chosen protocol reads the connection from its
/// start. Requires <see cref="KestrelServerOptions.AllowAlternateSchemes"/> so HTTP/2 requests keep their "http" scheme.
/// </summary>
public static class H2cPriorKnowledge
{
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    public static ListenOptions UseH2cPriorKnowledge(this ListenOptions listenOptions)
    {
        listenOptions.Protocols = HttpProtocols.Http1AndHttp2;
        listenOptions.Use(next => async connection =>
        {
            if (await StartsWithPrefaceAsync(connection))
            {
                connection.Features.Set<ITlsConnectionFeature>(CleartextH2.Instance);
                connection.Features.Set<ITlsApplicationProtocolFeature>(CleartextH2.Instance);
            }
            await next(connection);
        });
        return listenOptions;
    }

    private static async Task<bool> StartsWithPrefaceAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync(connection.ConnectionClosed);
            var buffer = result.Buffer;
            var length = (int)Math.Min(buffer.Length, Preface.Length);
            var matches = buffer.Slice(0, length).ToArray().AsSpan().SequenceEqual(Preface.AsSpan(0, length));
            if (!matches || length == Preface.Length || result.IsCompleted)
            {
                // Examined nothing: the next reader sees the same bytes at once.
                input.AdvanceTo(buffer.Start);
                return matches && length == Preface.Length;
            }
            // A matching prefix shorter than the preface: wait for more bytes.
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private sealed class CleartextH2 : ITlsConnectionFeature, ITlsApplicationProtocolFeature
    {
        public static readonly CleartextH2 Instance = new();
        private static readonly ReadOnlyMemory<byte> H2 = "h2"u8.ToArray();

        public ReadOnlyMemory<byte> ApplicationProtocol => H2;

        public X509Certificate2? ClientCertificate { get => null; set { } }

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
    }
}
