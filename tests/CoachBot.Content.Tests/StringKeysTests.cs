using System.Text.RegularExpressions;
using CoachBot.Content.Loading;
using CoachBot.Content.Model;

namespace CoachBot.Content.Tests;

public sealed partial class StringKeysTests
{
    /// <summary>Every literal key the code passes to T(...) or Format(...) exists in every language.</summary>
    [Fact]
    public void Strings_EveryKeyUsedInCode_ExistsInEveryLanguage()
    {
        var library = ContentLoader.Load(ContentFolder.Shipped);
        var root = RepositoryRoot();
        var used = Directory.EnumerateFiles(Path.Combine(root, "bot"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "scheduler"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(used.Count > 30, $"found only {used.Count} keys; is the pattern still right?");
        foreach (var language in library.Languages)
        {
            var missing = used.Where(k => !library.For(language).Strings.Contains(k)).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0, $"{language}/strings.yaml lacks: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Strings_EveryRoleHasALabel()
    {
        var library = ContentLoader.Load(ContentFolder.Shipped);
        foreach (var language in library.Languages)
        {
            Assert.All(ContentVocabulary.UserRoles, r => Assert.True(library.For(language).Strings.Contains($"role.{r}"), $"{language}: role.{r}"));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CoachBot.sln not found above the test assembly.");
    }

    [GeneratedRegex("""(?:\bT|\.Format)\("([a-z0-9_]+(?:\.[a-z0-9_]+)+)"[,)]""")]
    private static partial Regex KeyUse();
}
