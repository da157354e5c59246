using CoachBot.Core.Conversation;

namespace CoachBot.Slack.Tests.BlockKit;

/// <summary>Forms with one input of every kind, shaped like the Core's.</summary>
internal static class SampleForms
{
    public static ReplyForm Settings { get; } = new("settings.save", "Your settings", "Save",
    [
        new ReplyInput("time_zone", "Time zone", InputKind.Text) { InitialValue = "Asia/Tokyo", Placeholder = "Asia/Tokyo", Required = true, MaxLength = 64 },
        new ReplyInput("note", "Note", InputKind.MultilineText) { MaxLength = 5000 },
        new ReplyInput("language", "Language", InputKind.Choice)
        {
            Choices = [new ReplyChoice("English", "en"), new ReplyChoice("日本語", "ja")], InitialValue = "ja", Required = true,
        },
        new ReplyInput("working_days", "Working days", InputKind.MultiChoice)
        {
            Choices = [new ReplyChoice("Mon", "mon"), new ReplyChoice("Tue", "tue"), new ReplyChoice("Wed", "wed")], InitialValue = "mon, wed",
        },
        new ReplyInput("nudge_time", "Nudge time", InputKind.Time) { InitialValue = "7:05", Required = true },
        new ReplyInput("pause_until", "Pause until", InputKind.Date) { InitialValue = "2026-12-24", Placeholder = "2026-12-08" },
    ]);
}
