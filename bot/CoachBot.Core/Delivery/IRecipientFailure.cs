namespace CoachBot.Core.Delivery;

/// <summary>
/// Implemented by the exceptions an <see cref="IChannelSender"/> throws when the platform refused a message, so the
/// scheduler can tell "try again later" from "this person can no longer be reached" without knowing the platform.
/// </summary>
public interface IRecipientFailure
{
    /// <summary>True when retrying cannot help: the user left, blocked the bot, or the app was uninstalled.</summary>
    bool IsPermanent { get; }
}
