using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Time;

namespace CoachBot.Core.Reflections;

/// <summary>The answer form of a round: the three prompts as multiline inputs and a quote choice per answer.</summary>
public static class ReflectionForm
{
    public const string SubmitAction = "reflect.submit";

    /// <summary>The input naming the round: a choice with one option, so every channel sends it back with the answers.</summary>
    public const string RoundInput = "round";

    /// <summary>Longest answer accepted per prompt.</summary>
    public const int MaxAnswerLength = 3000;

    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>The id of the text input of prompt <paramref name="index"/> (0-based).</summary>
    public static string AnswerInput(int index) => string.Create(CultureInfo.InvariantCulture, $"answer{index + 1}");

    /// <summary>The id of the quote choice of prompt <paramref name="index"/> (0-based).</summary>
    public static string QuoteInput(int index) => string.Create(CultureInfo.InvariantCulture, $"quote{index + 1}");

    /// <summary>The value of <see cref="RoundInput"/> for a round: week and channel id.</summary>
    public static string RoundValue(ReflectionRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.Week + "|" + round.Channel.ConversationId;
    }

    /// <summary>The DM or reply with the form, pre-filled with the member's own earlier answers.</summary>
    public static Reply Build(ContentCatalog content, ReflectionRound round, ReflectionAnswer? own, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(round);
        var strings = content.Strings;
        var closes = TimeZoneInfo.ConvertTime(round.ClosesAt, TimeZones.FindOrUtc(timeZoneId))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var intro = strings.Format(
            own is null ? "reflection.form.intro" : "reflection.form.intro_edit",
            ("channel", round.Channel.DisplayName), ("closes", closes), ("max", MaxAnswerLength));
        var quoteChoices = new[]
        {
            new ReplyChoice(strings.Format("reflection.form.quote_yes"), Yes),
            new ReplyChoice(strings.Format("reflection.form.quote_no"), No),
        };

        var inputs = new List<ReplyInput>
        {
            new(RoundInput, strings.Format("reflection.form.team"), InputKind.Choice)
            {
                Choices = [new ReplyChoice(round.Channel.DisplayName, RoundValue(round))],
                InitialValue = RoundValue(round),
                Required = true,
            },
        };
        var prompts = new List<string>();
        for (var i = 0; i < round.PromptIds.Count; i++)
        {
            var promptId = round.PromptIds[i];
            var prompt = content.ReflectionPrompts.FirstOrDefault(p => p.Id == promptId)?.Text ?? promptId;
            var earlier = own?.Parts.FirstOrDefault(p => p.PromptId == promptId);
            prompts.Add(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {prompt}"));
            inputs.Add(new ReplyInput(AnswerInput(i), prompt, InputKind.MultilineText) { MaxLength = MaxAnswerLength, InitialValue = earlier?.Text });
            inputs.Add(new ReplyInput(QuoteInput(i), strings.Format("reflection.form.quote_label"), InputKind.Choice)
            {
                Choices = quoteChoices,
                InitialValue = earlier?.MayQuote == true ? Yes : No,
                Required = true,
            });
        }

        return new Reply
        {
            Text = StringTable.Lines([intro, .. prompts, strings.Format("reflection.form.how")]),
            Sections = [new ReplySection { Title = strings.Format("reflection.form.title", ("channel", round.Channel.DisplayName)), Body = intro }],
            Form = new ReplyForm(SubmitAction, strings.Format("reflection.form.title", ("channel", round.Channel.DisplayName)), strings.Format("reflection.form.submit"), inputs),
        };
    }
}
