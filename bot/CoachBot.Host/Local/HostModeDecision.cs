namespace CoachBot.Host.Local;

/// <summary>
/// Whether this host runs in local mode, and why it must not start at all. Decided once from configuration
/// (<see cref="HostMode.Decide"/>); <see cref="LocalOptionsValidator"/> turns the refusals into a failed start.
/// </summary>
/// <param name="IsLocal">True only when local mode is safe: no credentials, the storage emulator, nothing refused.</param>
/// <param name="Refusals">One line per problem, each naming the setting and the fix; never a setting's value.</param>
public sealed record HostModeDecision(bool IsLocal, IReadOnlyList<string> Refusals);
