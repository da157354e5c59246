using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Host.Tests;

/// <summary>
/// A stand-in telemetry back end on loopback: one HTTP/1.1 port (OTLP over HTTP/protobuf, Azure Monitor ingestion)
/// and one cleartext HTTP/2 port (OTLP over gRPC). It answers every POST with success and keeps what arrived.
/// </summary>
internal sealed class LoopbackTelemetryReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackTelemetryReceiver(WebApplication app) => _app = app;

    /// <summary>Every request received: its port kind ("http" or "grpc"), path, content type and body.</summary>
    public ConcurrentQueue<(string Port, string Path, string? ContentType, byte[] Body)> Requests { get; } = new();

    public Uri HttpEndpoint { get; private set; } = null!;

    public Uri GrpcEndpoint { get; private set; } = null!;

    public static async Task<LoopbackTelemetryReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1);
            k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var receiver = new LoopbackTelemetryReceiver(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            var gzip = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
            await using (var source = gzip ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body)
            {
                await source.CopyToAsync(body);
            }

            var port = context.Request.Protocol == "HTTP/2" ? "grpc" : "http";
            receiver.Requests.Enqueue((port, context.Request.Path.Value ?? string.Empty, context.Request.ContentType, body.ToArray()));
            if (port == "grpc")
            {
                // An empty export response: a zero-length, uncompressed gRPC message, then status OK.
                context.Response.ContentType = "application/grpc";
                context.Response.AppendTrailer("grpc-status", "0");
                await context.Response.Body.WriteAsync(new byte[5]);
            }
            else
            {
                context.Response.ContentType = context.Request.ContentType ?? "application/json";
                if (context.Request.Path.StartsWithSegments("/v2.1/track"))
                {
                    await context.Response.WriteAsync("{\"itemsReceived\":0,\"itemsAccepted\":0,\"errors\":[]}");
                }
            }
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        receiver.HttpEndpoint = addresses[0];
        receiver.GrpcEndpoint = addresses[1];
        return receiver;
    }

    /// <summary>Whether any request on <paramref name="port"/> to <paramref name="path"/> carried <paramref name="text"/> (names are plain UTF-8 in protobuf and JSON).</summary>
    public bool Received(string port, string path, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return Requests.Any(r => r.Port == port && r.Path == path && r.Body.AsSpan().IndexOf(needle) >= 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
