using System.Net;
using CoachBot.Host.Local;
using CoachBot.Host.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

/// <summary>
/// With ForwardedHeaders:Enabled (any sender trusted, since the proxy's address is not known in advance), a caller on
/// another machine that sends "X-Forwarded-For: 127.0.0.1" must not pass the loopback-only gates of the local API and
/// anonymous Teams: the peer address is never taken from the proxy's headers (attack review, ADR 0031).
/// </summary>
public sealed class ForwardedLoopbackTests
{
    [Fact]
    public async Task A_remote_caller_cannot_become_loopback_with_X_Forwarded_For()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:AllowedHosts"] = "coach.example.org",
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddCoachBotForwardedHeaders()
            .BuildServiceProvider();

        var context = new DefaultHttpContext { RequestServices = services };
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7"); // another machine
        context.Connection.LocalPort = 3978;
        context.Request.Method = "GET";
        context.Request.Host = new HostString("localhost", 3978);
        context.Request.Headers["X-Forwarded-For"] = "127.0.0.1";

        IResult? refusal = null;
        var middleware = new ForwardedHeadersMiddleware(
            ctx =>
            {
                refusal = LocalCallerFilter.Refusal(ctx);
                return Task.CompletedTask;
            },
            NullLoggerFactory.Instance,
            services.GetRequiredService<IOptions<ForwardedHeadersOptions>>());

        await middleware.Invoke(context);

        Assert.NotNull(refusal);
    }
}
