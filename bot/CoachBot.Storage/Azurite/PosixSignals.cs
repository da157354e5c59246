using System.Runtime.InteropServices;

namespace CoachBot.Storage.Azurite;

/// <summary>Sends SIGINT, which .NET's Process API cannot do (Kill sends SIGKILL), on Linux and macOS.</summary>
internal static class PosixSignals
{
    private const int SigInt = 2;

    /// <returns>False on Windows or when the signal could not be sent.</returns>
    public static bool TryInterrupt(int processId) =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && SendSignal(processId, SigInt) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);
}
