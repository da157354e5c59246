namespace CoachBot.Slack.Api;

/// <summary>Turns a Slack error code into a message that says what to do. Never includes a token.</summary>
internal static class SlackErrorText
{
    public static string Describe(string method, string error, IReadOnlyList<string> details)
    {
        var detail = details.Count == 0 ? string.Empty : $" ({string.Join("; ", details)})";
        return $"Slack answered {method} with error '{error}'{detail}. {Advice(method, error)}";
    }

    private static string Advice(string method, string error) => error switch
    {
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" =>
            "The token is no longer valid; reinstall CoachBot in the workspace (or update the configured token).",
        "missing_scope" => "Add the missing scope to the Slack app and reinstall it.",
        "channel_not_found" or "is_archived" or "not_in_channel" =>
            "The conversation is gone or the bot cannot post there; the user may need to open the app's DM again.",
        "user_not_found" or "cannot_dm_bot" => "The user no longer exists in the workspace or cannot be messaged.",
        "invalid_code" or "code_already_used" => "The install link was already used or expired; start the install again.",
        "invalid_blocks" or "invalid_arguments" => "The message was malformed; this is a bug in CoachBot, please report it.",
        _ => $"See the list of errors in Slack's documentation of {method}.",
    };
}
