using System.Globalization;
using System.Text;

namespace CoachBot.Content.Model;

/// <summary>
/// What is left of a message once the way it was typed is taken out: full-width and half-width forms are folded
/// (NFKC: 「１ｏｎ１」 is "1on1", ｶﾀｶﾅ is カタカナ), case is ignored, and punctuation, symbols and spaces are dropped
/// ("How am I doing?!" and "how am i doing" are the same phrase; so are 「進捗を見せて。」 and 「進捗を 見せて」).
/// </summary>
public static class PhraseKey
{
    /// <summary>The key of a whole phrase: folded, lowercase, letters and digits only.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>One typed word as it is compared with a command word: folded and lowercase, nothing dropped.</summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }
}
