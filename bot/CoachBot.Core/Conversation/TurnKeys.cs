using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Core.Conversation;

/// <summary>
/// A short, stable key for the channel's message id (<see cref="IncomingTurn.TurnId"/>), so what a turn writes can
/// recognise the same message delivered again (a Slack retry, a resumed inbox item, a Teams resend).
/// </summary>
public static class TurnKeys
{
    /// <summary>The first 24 hex digits of the SHA-256 of the turn id; null when the channel gave none.</summary>
    public static string? Of(IncomingTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.TurnId is { Length: > 0 } turnId
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(turnId)))[..24]
            : null;
    }
}
