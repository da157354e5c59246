using CoachBot.Core.Conversation;

namespace CoachBot.Teams.Tests.Cards;

internal static class CardSamples
{
    public static ReplyForm EveryInputForm(int choiceCount = 3) => new(
        "form.save",
        "Settings",
        "Save",
        [
            new ReplyInput("name", "Name", InputKind.Text) { Required = true, Placeholder = "Your name", MaxLength = 40, InitialValue = "Ada" },
            new ReplyInput("notes", "Notes", InputKind.MultilineText),
            new ReplyInput("tz", "Time zone", InputKind.Choice)
            {
                Choices = [.. Enumerable.Range(0, choiceCount).Select(i => new ReplyChoice($"Zone {i}", $"z{i}"))],
                InitialValue = "z1",
            },
            new ReplyInput("days", "Days", InputKind.MultiChoice)
            {
                Choices = [new ReplyChoice("Monday", "mon"), new ReplyChoice("Tuesday", "tue")],
                InitialValue = "mon,tue",
            },
            new ReplyInput("at", "Time", InputKind.Time) { InitialValue = "09:30", Required = true },
            new ReplyInput("on", "Date", InputKind.Date) { InitialValue = "2026-11-24" },
        ]);

    public static Reply Stress() => new()
    {
        Text = "Stress",
        Sections =
        [
            .. Enumerable.Range(0, 60).Select(i => new ReplySection
            {
                Title = $"Section {i}",
                Body = new string('x', 6000),
                Fields = [new ReplyField("Label", $"Value {i}")],
                Image = new ReplyImage($"https://example.org/{i}.png", $"Image {i}"),
            }),
        ],
        Buttons = [.. Enumerable.Range(0, 40).Select(i => ReplyButton.With($"Button {i}", $"act.{i}", "n", i.ToString(System.Globalization.CultureInfo.InvariantCulture), (ButtonStyle)(i % 3)))],
        Form = EveryInputForm(200),
    };
}
