using CoachBot.Content.Loading;
using CoachBot.Content.Model;

namespace CoachBot.Testing;

/// <summary>The shipped content (copied beside every test assembly), loaded once per test process.</summary>
public static class TestContent
{
    private static readonly Lazy<ContentLibrary> Shared = new(() => ContentLoader.Load(Path.Combine(AppContext.BaseDirectory, "content")));

    /// <summary>The content of <c>content/en</c> and <c>content/ja</c>.</summary>
    public static ContentLibrary Library => Shared.Value;
}
