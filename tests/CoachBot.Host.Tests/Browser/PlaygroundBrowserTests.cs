using CoachBot.Testing;
using Microsoft.Playwright;

namespace CoachBot.Host.Tests.Browser;

/// <summary>Drives the playground as a person would, in headless Chromium against the host on a real port.</summary>
[Trait("Category", "Slow")]
[Collection(AzuriteFixture.CollectionName)]
public sealed class PlaygroundBrowserTests
{
    private readonly AzuriteFixture _azurite;

    public PlaygroundBrowserTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Playground_OnboardingTodayDoneAndProgress_WorkByClicking()
    {
        await using var session = await PlaygroundSession.StartAsync(_azurite);
        var page = session.Page;
        await session.SwitchUserAsync("browser-" + Guid.NewGuid().ToString("N")[..8]);

        await page.FillAsync("#text", "start");
        await page.PressAsync("#text", "Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "2. Senior engineer / tech lead" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "1. Internal promotion" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "09:00" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mon–Fri" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You're all set")).ToBeVisibleAsync();

        await page.FillAsync("#text", "today");
        await page.PressAsync("#text", "Enter");
        await Assertions.Expect(page.GetByText("Today's step:")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).Last.ClickAsync();

        await Assertions.Expect(page.GetByText("1 practice in the last 7 days.")).ToBeVisibleAsync();

        await page.FillAsync("#text", "progress");
        await page.PressAsync("#text", "Enter");
        var chart = page.Locator("img.reply-image").Last;
        await Assertions.Expect(chart).ToBeVisibleAsync();
        // The image really loaded (a broken link renders as a zero-width image).
        await page.WaitForFunctionAsync("() => { const i = [...document.querySelectorAll('img.reply-image')].pop(); return i && i.complete && i.naturalWidth > 0; }");
        var size = await chart.EvaluateAsync<int[]>("i => [i.naturalWidth, i.naturalHeight]");
        Assert.True(size[0] >= 400 && size[1] >= 200, $"chart is {size[0]}x{size[1]}");
    }
}
