using CoachBot.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachBot.Host.Tests.Browser;

/// <summary>The host in local mode on a real loopback port and one headless Chromium page on its playground.</summary>
internal sealed class PlaygroundSession : IAsyncDisposable
{
    private readonly CoachBotApp _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PlaygroundSession(CoachBotApp app, IPlaywright playwright, IBrowser browser, IPage page)
    {
        _app = app;
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <param name="azurite">The shared Azurite the host stores in.</param>
    /// <param name="timeZone">The browser's zone, which the playground sends as the user's time zone hint.</param>
    public static async Task<PlaygroundSession> StartAsync(AzuriteFixture azurite, string timeZone = "UTC")
    {
        var chromium = await Chromium.EnsureInstalledAsync();
        var app = new CoachBotApp(azurite);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Args });
        var page = await browser.NewPageAsync(new() { TimezoneId = timeZone });
        await page.GotoAsync(address + "/");
        return new PlaygroundSession(app, playwright, browser, page);
    }

    /// <summary>Chats as <paramref name="user"/> from now on; the pushed messages of that user show in the chat.</summary>
    public async Task SwitchUserAsync(string user)
    {
        await Page.FillAsync("#user", user);
        await Page.ClickAsync("#switch-user");
        await Assertions.Expect(Page.GetByText("Now chatting as " + user)).ToBeVisibleAsync();
    }

    /// <summary>Types <paramref name="text"/> into the composer and sends it.</summary>
    public async Task SayAsync(string text)
    {
        await Page.FillAsync("#text", text);
        await Page.PressAsync("#text", "Enter");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }
}
