using CoachBot.Core.Privacy;
using CoachBot.Core.Users;
using CoachBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack;

/// <summary>
/// `forget me` on Slack: deletes every file the bot uploaded for the user (their `export` files) with files.delete,
/// then forgets the id. A file Slack would not delete keeps its id, so the next `forget me` tries it again.
/// </summary>
public sealed class SlackUploadedCopies : IChannelCopies
{
    private readonly IUploadedFileStore _files;
    private readonly ISlackApiClient _api;
    private readonly ILogger<SlackUploadedCopies> _logger;

    public SlackUploadedCopies(IUploadedFileStore files, ISlackApiClient api, ILogger<SlackUploadedCopies> logger)
    {
        _files = files;
        _api = api;
        _logger = logger;
    }

    public async Task<int> DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Channel != SlackTeam.Channel)
        {
            return 0;
        }

        var left = 0;
        foreach (var fileId in await _files.ListAsync(user, cancellationToken))
        {
            try
            {
                await _api.Files.DeleteAsync(new SlackTeam(user.TenantId), fileId, cancellationToken);
                await _files.DeleteAsync(user, fileId, cancellationToken);
            }
            catch (SlackApiException e)
            {
                // A file id names no person; Slack's error code says what to fix (e.g. a missing files:write scope).
                _logger.LogWarning("files.delete of {FileId} failed with {Error}; kept for the next forget me", fileId, e.Error);
                left++;
            }
        }

        return left;
    }
}
