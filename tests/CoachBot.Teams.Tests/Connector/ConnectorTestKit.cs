using CoachBot.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Teams.Tests.Connector;

/// <summary>A token provider that counts its calls and returns a fixed token.</summary>
internal sealed class StubTokenProvider : ITeamsAccessTokenProvider
{
    public const string Token = "stub-connector-token";

    public int Calls { get; private set; }

    public Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(Token);
    }
}

/// <summary>Builds a connector client over a real HttpClient factory, with the production resilience pipeline.</summary>
internal sealed class ConnectorTestKit : IDisposable
{
    private readonly ServiceProvider _services;

    public ConnectorTestKit(string? appId = "app-1", TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        _services = new ServiceCollection().AddSingleton(Time).AddTeamsConnectorHttpClient().BuildServiceProvider();
        // The fake connector listens on loopback, which only this test setting lets an app-id host call.
        Options = new TeamsOptions { AppId = appId, AppPassword = appId is null ? null : "pw", AllowLoopbackServiceUrls = true };
        Trust = new TeamsServiceUrlTrust(Microsoft.Extensions.Options.Options.Create(Options));
        Client = new TeamsConnectorClient(
            _services.GetRequiredService<IHttpClientFactory>(), Tokens, Trust, Microsoft.Extensions.Options.Options.Create(Options),
            NullLogger<TeamsConnectorClient>.Instance);
    }

    public TeamsOptions Options { get; }

    public TimeProvider Time { get; }

    public StubTokenProvider Tokens { get; } = new();

    public TeamsServiceUrlTrust Trust { get; }

    public TeamsConnectorClient Client { get; }

    /// <summary>Advances fake time in half-second steps until the task ends; returns how much time was advanced.</summary>
    public static async Task<TimeSpan> RunAdvancingAsync(FakeTimeProvider time, Task task)
    {
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(50));
            if (task.IsCompleted)
            {
                break;
            }

            if (advanced > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("The call never finished.");
            }

            time.Advance(TimeSpan.FromMilliseconds(500));
            advanced += TimeSpan.FromMilliseconds(500);
        }

        await task;
        return advanced;
    }

    public void Dispose() => _services.Dispose();
}
