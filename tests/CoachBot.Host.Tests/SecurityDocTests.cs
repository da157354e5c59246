using System.Text.RegularExpressions;
namespace CoachBot.Host.Tests;

/// <summary>
/// docs/security.md names the test that proves each defence. These tests keep that page true: a renamed or deleted
/// test, or a page that lost its links, fails the build instead of leaving a reviewer with a claim nobody checks.
/// </summary>
public sealed partial class SecurityDocTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void ThreatModel_EveryNamedTest_ExistsInTheTestSources()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "security.md"));
        var named = TestName().Matches(page).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
        var known = KnownTests();

        var missing = named.Where(n => !known.Contains(n)).ToList();

        Assert.True(named.Count >= 80, $"docs/security.md names only {named.Count} tests; every attack needs its test.");
        Assert.True(missing.Count == 0, "docs/security.md names tests that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void ThreatModel_EveryAttackRow_NamesATest()
    {
        var rows = File.ReadAllLines(Path.Combine(Root, "docs", "security.md"))
            .SkipWhile(l => !l.StartsWith("## Defences", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("## Out of scope", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal) && !l.StartsWith("| attack", StringComparison.Ordinal))
            .ToList();

        var withoutTest = rows.Where(r => !TestName().IsMatch(r)).ToList();

        Assert.NotEmpty(rows);
        Assert.True(withoutTest.Count == 0, "attack rows without a test: " + string.Join(Environment.NewLine, withoutTest));
    }

    [Fact]
    public void ReadmeAndSecurityPolicy_PointToTheThreatModelAndHowToReport()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var policy = File.ReadAllText(Path.Combine(Root, "SECURITY.md"));

        Assert.Contains("docs/security.md", readme, StringComparison.Ordinal);
        Assert.Contains("docs/security.md", policy, StringComparison.Ordinal);
        Assert.Contains("Reporting a vulnerability", policy, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every test method in tests/ as Namespace.Class.Method (file-scoped namespaces, as the house style has), including
    /// those a class inherits from a contract suite (<c>AzureTablesInboxTests : InboxContract</c>).
    /// </summary>
    private static HashSet<string> KnownTests()
    {
        var declared = new List<(string Namespace, string Type, string? Base, List<string> Methods)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "tests"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            string? ns = null;
            List<string>? methods = null;
            foreach (var line in File.ReadLines(file))
            {
                if (Namespace().Match(line) is { Success: true } n)
                {
                    ns = n.Groups["ns"].Value;
                }
                else if (ns is not null && TypeDeclaration().Match(line) is { Success: true } t)
                {
                    methods = [];
                    var baseType = t.Groups["base"].Success ? t.Groups["base"].Value : null;
                    declared.Add((ns, t.Groups["type"].Value, baseType, methods));
                }
                else if (methods is not null && Method().Match(line) is { Success: true } m)
                {
                    methods.Add(m.Groups["method"].Value);
                }
            }
        }

        // Contract suites have unique names; a base class is looked up by its simple name.
        // A partial class spreads over files: its methods and base are the union of its parts.
        var bases = declared.GroupBy(d => d.Type, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (Base: g.Select(d => d.Base).FirstOrDefault(b => b is not null), Methods: g.SelectMany(d => d.Methods).ToList()),
            StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ns, type, baseType, methods) in declared)
        {
            var all = new List<string>(methods);
            for (var b = baseType; b is not null && bases.TryGetValue(b, out var parent); b = parent.Base)
            {
                all.AddRange(parent.Methods);
            }

            known.UnionWith(all.Select(m => $"{ns}.{type}.{m}"));
        }

        return known;
    }

    /// <summary>The folder holding CoachBot.sln, above the test output.</summary>
    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CoachBot.sln not found above the test output");
    }

    [GeneratedRegex(@"`(?<name>CoachBot\.[A-Za-z]+\.Tests(\.[A-Za-z0-9_]+){2,})`")]
    private static partial Regex TestName();

    [GeneratedRegex(@"^namespace (?<ns>[A-Za-z0-9_.]+)\s*;")]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^\s*(public|internal)\s+(sealed\s+|abstract\s+|static\s+|partial\s+)*class (?<type>[A-Za-z0-9_]+)(\s*:\s*(?<base>[A-Za-z0-9_]+))?")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*public (async Task|Task|void) (?<method>[A-Za-z0-9_]+)\(")]
    private static partial Regex Method();
}
