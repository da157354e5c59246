using System.Text.Json.Nodes;
using CoachBot.Core.Habits;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing;

/// <summary>
/// One record of every kind `export` covers (profile, practice, skills, talking points, a 1-on-1 pairing with a
/// note and an action item, a team reflection led and answered), written through the host's own store ports, and
/// the check that an export file holds every one of them. Shared by the per-channel export tests.
/// </summary>
public sealed class ExportSample
{
    private ExportSample(UserRef user, string marker)
    {
        User = user;
        PracticeNote = $"practice {marker} — 設計レビューを主導した";
        TalkingPoint = $"talking point {marker}";
        MeetingNote = $"meeting note {marker} — 採用計画";
        ActionItem = $"action item {marker}";
        ReflectionAnswer = $"reflection {marker}";
    }

    public UserRef User { get; }

    public string PracticeNote { get; }

    public string TalkingPoint { get; }

    public string MeetingNote { get; }

    public string ActionItem { get; }

    public string ReflectionAnswer { get; }

    /// <summary>Writes the sample for <paramref name="user"/> with the stores registered in <paramref name="services"/>.</summary>
    public static async Task<ExportSample> SeedAsync(IServiceProvider services, UserRef user)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(user);
        var sample = new ExportSample(user, Guid.NewGuid().ToString("N")[..8]);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var none = CancellationToken.None;

        await services.GetRequiredService<IUserStore>().SaveAsync(
            new UserProfile { User = user, Role = "manager", CareerPath = "internal", Onboarding = OnboardingStep.Complete }, none);
        await services.GetRequiredService<IProgressStore>().AddAsync(
            new PracticeEntry(user, "p-" + Guid.NewGuid().ToString("N"), today, "management", null, sample.PracticeNote, now), none);
        await services.GetRequiredService<ISkillStore>().SaveAsync(
            new SkillAssessment(user, new DateOnly(today.Year, today.Month, 1), new Dictionary<string, int> { ["technical"] = 4 }, now), none);
        await services.GetRequiredService<ITalkingPointStore>().AddAsync(
            new TalkingPoint(user, "t-" + Guid.NewGuid().ToString("N"), sample.TalkingPoint, null, now), none);

        var oneOnOnes = services.GetRequiredService<IOneOnOneStore>();
        var pairing = await oneOnOnes.SavePairingAsync(
            new Pairing(
                "pair-" + Guid.NewGuid().ToString("N"), user, user with { UserId = user.UserId + "-report" },
                Cadence.Weekly, DayOfWeek.Monday, new TimeOnly(10, 0), "UTC", today, PairingState.Active)
            { CreatedAt = now, UpdatedAt = now },
            none);
        await oneOnOnes.AddNoteAsync(new MeetingNote(pairing.Id, "n-1", today, user, sample.MeetingNote, NoteVisibility.Shared, now), none);
        await oneOnOnes.AddActionItemAsync(new ActionItem(pairing.Id, 1, sample.ActionItem, user, null, today, now), none);

        var reflections = services.GetRequiredService<IReflectionStore>();
        var channel = TeamChannel.For(user, "team-" + Guid.NewGuid().ToString("N")[..8]);
        await reflections.SaveAsync(new TeamReflection(channel, user, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", Enabled: true), none);
        await reflections.AddMemberAsync(channel, user, none);

        // As the bot does: an answer belongs to an opened round (its author's answers are found through the rounds).
        await reflections.TryAddRoundAsync(new ReflectionRound(channel, "2026-W48", now.AddHours(-1), now.AddDays(1), ["learned"], InvitedCount: 1), none);
        await reflections.SaveOwnAnswerAsync(user, new ReflectionAnswer(channel, "2026-W48", [new AnswerPart("learned", sample.ReflectionAnswer, MayQuote: false)], now), none);
        return sample;
    }

    /// <summary>Asserts that <paramref name="text"/> (an export file as downloaded) holds every record of the sample.</summary>
    public void AssertComplete(string text) => AssertComplete(JsonNode.Parse(text));

    /// <summary>Asserts that <paramref name="file"/> (an export file's JSON) holds every record of the sample.</summary>
    public void AssertComplete(JsonNode? file)
    {
        Assert.NotNull(file);
        Assert.Equal(User.UserId, (string?)file["user"]?["userId"]);
        Assert.Equal("manager", (string?)file["profile"]?["role"]);
        foreach (var section in new[] { "practice", "skillAssessments", "talkingPoints", "pairings", "meetingNotes", "actionItems", "reflectionAnswers", "reflectionChannels", "reflectionsLed" })
        {
            Assert.True(file[section] is JsonArray { Count: > 0 }, $"the export's {section} is missing or empty");
        }

        var texts = JsonWalk.Strings(file).ToHashSet(StringComparer.Ordinal);
        foreach (var written in new[] { PracticeNote, TalkingPoint, MeetingNote, ActionItem, ReflectionAnswer })
        {
            Assert.Contains(written, texts);
        }
    }
}
