using System.Diagnostics;

namespace CoachBot.Host.Tests.Browser;

/// <summary>
/// Debian's Chromium for the browser tests. Playwright must not download a browser here, so the tests use the
/// system one, installing it with apt-get when it is missing (CI machines start without it). Set
/// COACHBOT_CHROMIUM to use a browser installed elsewhere.
/// </summary>
internal static class Chromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Flags that keep Chromium from calling outside hosts (this network refuses them) and run it as root.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static async Task<string> EnsureInstalledAsync()
    {
        var path = Environment.GetEnvironmentVariable("COACHBOT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(path))
            {
                return path;
            }

            await RunAsync("apt-get", "update -qq");
            await RunAsync("apt-get", "install -y -qq --no-install-recommends chromium");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"Chromium is still missing at {path} after apt-get; install Debian's 'chromium' package or set COACHBOT_CHROMIUM.");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{file} {arguments}' failed ({process.ExitCode}) while installing Chromium for the browser tests; install Debian's 'chromium' package (as root) and run again.\n{await error}{await output}");
        }
    }
}
