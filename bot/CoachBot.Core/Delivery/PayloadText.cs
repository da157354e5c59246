namespace CoachBot.Core.Delivery;

/// <summary>Finds a channel's user id in a raw payload (JSON or form text) kept by the inbox.</summary>
public static class PayloadText
{
    /// <summary>
    /// True when <paramref name="payload"/> holds <paramref name="userId"/> as a whole token: not preceded or followed
    /// by a letter or digit, so <c>U12</c> does not match inside <c>U123</c>. Slack and Teams ids are letters, digits
    /// and punctuation, and payloads quote them (<c>"user":"U12"</c>, <c>user_id=U12&amp;</c>), so the edges of a token
    /// are never letters or digits.
    /// </summary>
    public static bool Names(string payload, string userId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        for (var at = payload.IndexOf(userId, StringComparison.Ordinal); at >= 0; at = payload.IndexOf(userId, at + 1, StringComparison.Ordinal))
        {
            var end = at + userId.Length;
            if ((at == 0 || !char.IsLetterOrDigit(payload[at - 1])) && (end == payload.Length || !char.IsLetterOrDigit(payload[end])))
            {
                return true;
            }
        }

        return false;
    }
}
