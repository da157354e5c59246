using CoachBot.Core.Users;

namespace CoachBot.Core.Privacy;

/// <summary>
/// Makes download links for a user's `export` file on channels that take no files (Teams). The host implements it
/// with signed, encrypted, short-lived URLs (docs/decisions/0020-export-delivery-and-limits.md); the file is built
/// when the link is opened, from what the stores hold then.
/// </summary>
public interface IExportLinks
{
    /// <summary>
    /// An absolute link to <paramref name="user"/>'s export, or null when the host cannot make one that a chat
    /// client could open (no public base URL configured).
    /// </summary>
    /// <param name="user">Whose export; the link serves nobody else's data.</param>
    /// <param name="language">Language of the messages the download page answers with (expired, unavailable).</param>
    ExportLink? TryCreate(UserRef user, string language);
}
