using CoachBot.Content.Model;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// A person of a pairing as the 1-on-1 messages see them. Someone the bot never stored a profile for (a report who was
/// mentioned but never wrote to the bot, a profile removed by an operator) still gets every notification, prep prompt
/// and follow-up: in the pairing's time zone, Monday to Friday, in the other person's language.
/// </summary>
public static class PairingProfiles
{
    /// <summary>The profile assumed for <paramref name="person"/> when none is stored.</summary>
    public static UserProfile Assumed(Pairing pairing, UserRef person, string language = ContentLibrary.DefaultLanguage)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        return new UserProfile
        {
            User = person,
            TimeZoneId = pairing.TimeZoneId,
            Language = language,
            Onboarding = OnboardingStep.NotStarted,
        };
    }

    /// <summary>The stored profile of <paramref name="person"/>, or the one assumed from the pairing.</summary>
    public static async Task<UserProfile> GetAsync(IUserStore users, Pairing pairing, UserRef person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(pairing);
        if (await users.GetAsync(person, cancellationToken) is { } stored)
        {
            return stored;
        }

        var other = await users.GetAsync(pairing.Other(person), cancellationToken);
        return Assumed(pairing, person, other?.Language ?? ContentLibrary.DefaultLanguage);
    }
}
