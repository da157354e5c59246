using System.Runtime.InteropServices;

namespace CoachBot.Storage.Azurite;

/// <summary>Sends SIGINT or SIGTERM, which .NET's Process API cannot do (Kill sends SIGKILL), on Linux and macOS.</summary>
internal static class PosixSignals
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    /// <returns>False on Windows or when the signal could not be sent.</returns>
    public static bool TryInterrupt(int processId) => TrySend(processId, SigInt);

    /// <returns>False on Windows or when the signal could not be sent.</returns>
    public static bool TryTerminate(int processId) => TrySend(processId, SigTerm);

    private static bool TrySend(int processId, int signal) =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && SendSignal(processId, signal) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);
}
