using CoachBot.Core.Users;

namespace CoachBot.Core.Privacy;

/// <summary>
/// The ids of the files the bot uploaded for a user on their channel (the `export` file in a Slack DM). Kept with the
/// user's other rows so `forget me` can delete those copies too (docs/decisions/0019-nothing-left-behind.md).
/// </summary>
public interface IUploadedFileStore
{
    /// <summary>Remembers that <paramref name="fileId"/> was uploaded for the user; adding it again changes nothing.</summary>
    Task AddAsync(UserRef user, string fileId, CancellationToken cancellationToken);

    /// <summary>The user's remembered file ids (empty for an unknown user).</summary>
    Task<IReadOnlyList<string>> ListAsync(UserRef user, CancellationToken cancellationToken);

    /// <summary>Forgets one file id, once the copy it names is gone.</summary>
    Task DeleteAsync(UserRef user, string fileId, CancellationToken cancellationToken);
}
