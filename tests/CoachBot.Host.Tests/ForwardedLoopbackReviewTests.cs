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
/// Review finding (security review of 2026-12-05), failing on purpose until fixed: ForwardedHeaders:Enabled trusts
/// X-Forwarded-For from any sender (known proxies and networks cleared), and nothing stops it from being set in local
/// mode. The local API's only gate (LocalCallerFilter) and anonymous Teams (TeamsEndpoints) trust
/// Connection.RemoteIpAddress being loopback, so a caller on another machine that sends "X-Forwarded-For: 127.0.0.1"
/// (and Host: localhost:port, which it chooses freely) passes as this machine.
/// </summary>
public sealed class ForwardedLoopbackReviewTests
{
    [Fact]
    public async Task Review_A_remote_caller_cannot_become_loopback_with_X_Forwarded_For()
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
