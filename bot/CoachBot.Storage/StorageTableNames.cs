namespace CoachBot.Storage;

/// <summary>
/// Logical table names. The physical name is <see cref="StorageOptions.TablePrefix"/> followed by the logical one,
/// e.g. <c>coachbotUsers</c>.
/// </summary>
public static class StorageTableNames
{
    public const string Users = "Users";
    public const string Practice = "Practice";
    public const string Installations = "Installations";
    public const string ConversationRefs = "ConversationRefs";
    public const string Ledger = "Ledger";
    public const string Skills = "Skills";
    public const string TalkingPoints = "TalkingPoints";
    public const string OneOnOnes = "OneOnOnes";
    public const string OneOnOneIndex = "OneOnOneIndex";
    public const string ReflectionTeams = "ReflectionTeams";
    public const string ReflectionMembers = "ReflectionMembers";
    public const string ReflectionRounds = "ReflectionRounds";
    public const string ReflectionAnswers = "ReflectionAnswers";
    public const string ReflectionAuthors = "ReflectionAuthors";

    /// <summary>Index rows from a user to the reflections they lead or are a member of (PartitionKey = the user).</summary>
    public const string ReflectionsByUser = "ReflectionsByUser";
    public const string Inbox = "Inbox";
    public const string Schedules = "Schedules";
    public const string Due = "Due";
    public const string SchedulerCursors = "SchedulerCursors";
    public const string UploadedFiles = "UploadedFiles";
    public const string PendingUninstalls = "PendingUninstalls";

    /// <summary>Private 1-on-1 calendar feeds: the current token hash per user, and the user per hash.</summary>
    public const string CalendarFeeds = "CalendarFeeds";

    /// <summary>A lead's team-health figures per past week, frozen when first computed (PartitionKey = the lead).</summary>
    public const string TeamHealth = "TeamHealth";

    /// <summary>Where each Teams channel with a team reflection is reached (serviceUrl, team and channel ids; no people).</summary>
    public const string TeamChannelAddresses = "TeamChannelAddresses";

    /// <summary>Development keys generated against the local emulator only (never used with a real account).</summary>
    public const string LocalKeys = "LocalKeys";

    /// <summary>Every table the stores of this assembly use; created at start-up.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Users, Practice, Installations, ConversationRefs, Ledger, Skills, TalkingPoints, OneOnOnes, OneOnOneIndex,
        ReflectionTeams, ReflectionMembers, ReflectionRounds, ReflectionAnswers, ReflectionAuthors, ReflectionsByUser,
        Inbox, Schedules, Due, SchedulerCursors, UploadedFiles, PendingUninstalls, LocalKeys, CalendarFeeds, TeamHealth,
        TeamChannelAddresses,
    ];
}
