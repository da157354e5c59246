using System.Diagnostics;
using System.Net;

namespace CoachBot.Host.Tests;

/// <summary>The built host as a process of its own, the way an operator (or a container) starts it.</summary>
internal static class HostProcess
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Starts the built host in a process group of its own (setsid), with a HOME of its own so no developer's
    /// user-secrets reach it, and settings as command-line arguments. SIGINT and SIGTERM start at their default
    /// handling, as in a terminal: a test run started in the background of a script inherits SIGINT ignored, and .NET
    /// leaves a signal that was ignored at start ignored, so the host would never see the Ctrl+C the tests send.
    /// </summary>
    public static Process Start(string home, Dictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("env");
        start.ArgumentList.Add("--default-signal=INT,TERM");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoachBot.Host.dll"));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["HOME"] = home;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var key in HostModeCredentialEnvironment)
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the host");
    }

    private static readonly string[] HostModeCredentialEnvironment =
    [
        "Slack__SigningSecret", "Slack__BotToken", "Slack__ClientId", "Slack__ClientSecret", "Slack__AppToken",
        "Slack__TokenEncryptionKey", "Teams__AppId", "Teams__AppPassword", "MicrosoftAppId", "MicrosoftAppPassword",
    ];

    public static async Task<bool> ExitsAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    public static async Task<bool> ReadyAsync(HttpClient client, Process host)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < ProcessTimeout && !host.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return false;
    }
}
