using System.Text.RegularExpressions;

namespace CoachBot.Host.Tests;

/// <summary>
/// The repository stands on its own: nothing a reader or a script follows points outside it. Markdown links and
/// relative paths in the README, CONTRIBUTING, SECURITY and docs/ resolve to files inside the repository, and no
/// text or script names the product owner's folders that a clone does not have.
/// </summary>
public sealed partial class RepositoryLinksTests
{
    private static readonly string[] TopLevelDocuments = ["README.md", "CONTRIBUTING.md", "SECURITY.md"];

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.])(?<path>(?:\.\./)+[A-Za-z0-9_./-]*)")]
    private static partial Regex RelativeParentPath();

    [GeneratedRegex(@"shared/(design|seed)|/work/|\.\./shared", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideFolder();

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in TopLevelDocuments
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Repository.Root, f)))
            .Order(StringComparer.Ordinal))
        {
            data.Add(file.Replace('\\', '/'));
        }

        return data;
    }

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        var scripts = Directory.EnumerateFiles(Repository.Root, "*.sh", SearchOption.AllDirectories)
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(Repository.Root, ".ci", "run"));
        foreach (var file in scripts.Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryLinkAndRelativePath_InADocument_StaysInsideTheRepository(string document)
    {
        var path = Path.Combine(Repository.Root, document);
        var text = File.ReadAllText(path);
        var folder = Path.GetDirectoryName(path)!;

        Assert.False(OutsideFolder().IsMatch(text), $"{document} names a folder outside the repository: '{OutsideFolder().Match(text).Value}'");
        foreach (var target in MarkdownLink().Matches(text).Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal) && !t.StartsWith('#')))
        {
            var resolved = Path.GetFullPath(Path.Combine(folder, target.Split('#')[0]));
            Assert.True(IsInside(resolved), $"{document} links {target}, outside the repository");
            Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{document} links {target}, which does not exist");
        }

        foreach (var relative in RelativeParentPath().Matches(text).Select(m => m.Groups["path"].Value))
        {
            Assert.True(IsInside(Path.GetFullPath(Path.Combine(folder, relative))), $"{document} mentions {relative}, outside the repository");
        }
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void NoScript_ReadsTheProductOwnersFolders(string script)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, script));

        Assert.False(OutsideFolder().IsMatch(text), $"{script} names a folder outside the repository: '{OutsideFolder().Match(text).Value}'");
    }

    [Fact]
    public void TheCheck_CatchesAPathOutOfTheRepository()
    {
        Assert.Matches(OutsideFolder(), "see ../shared/design/PRODUCT.md");
        Assert.False(IsInside(Path.GetFullPath(Path.Combine(Repository.Root, "docs", "../../elsewhere.md"))));
        Assert.True(IsInside(Path.GetFullPath(Path.Combine(Repository.Root, "docs", "decisions", "../security.md"))));
    }

    private static bool IsInside(string fullPath) =>
        fullPath.StartsWith(Path.GetFullPath(Repository.Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
