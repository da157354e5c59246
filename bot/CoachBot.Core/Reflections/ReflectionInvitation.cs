using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.Reflections;

/// <summary>A direct message for one member when a round opens: the prompts as a form, in the member's language.</summary>
public sealed record ReflectionInvitation(UserRef Member, Reply Reply);
