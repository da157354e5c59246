using System.Globalization;

namespace CoachBot.Slack.Api;

/// <summary>
/// files.getUploadURLExternal (form), the bytes to the upload URL, then files.completeUploadExternal (JSON) to share
/// the file in a channel; files.delete removes a file the bot uploaded. Both need the <c>files:write</c> scope.
/// </summary>
internal sealed class SlackFilesApi(SlackApiCaller caller) : ISlackFilesApi
{
    public async Task<string> UploadAsync(SlackTeam team, string channel, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        const string method = "files.getUploadURLExternal";
        KeyValuePair<string, string>[] fields = [new("filename", fileName), new("length", content.Length.ToString(CultureInfo.InvariantCulture))];
        var answer = await caller.TeamFormAsync(team, method, fields, cancellationToken);
        var uploadUrl = SlackAnswer.Required(answer, "upload_url", method, "upload_url");
        var fileId = SlackAnswer.Required(answer, "file_id", method, "file_id");
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var url))
        {
            throw new SlackApiException(method, "invalid_response", $"Slack answered {method} with an upload_url that is not an absolute URL.");
        }

        await caller.UploadAsync(url, content, cancellationToken);
        await caller.TeamJsonAsync(team, "files.completeUploadExternal", new CompleteBody([new FileRef(fileId, fileName)], channel), channel, cancellationToken);
        return fileId;
    }

    public async Task<bool> DeleteAsync(SlackTeam team, string fileId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        try
        {
            await caller.TeamFormAsync(team, "files.delete", [new("file", fileId)], cancellationToken);
            return true;
        }
        catch (SlackApiException e) when (e.Error is "file_not_found" or "file_deleted")
        {
            // Gone already (the user deleted it, or an earlier forget me did): that is what was asked.
            return false;
        }
    }

    private sealed record FileRef(string Id, string Title);

    private sealed record CompleteBody(IReadOnlyList<FileRef> Files, string ChannelId);
}
