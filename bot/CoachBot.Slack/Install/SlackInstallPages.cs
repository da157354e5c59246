using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Slack.Install;

/// <summary>The tiny HTML pages of the install flow. Every value is HTML-encoded, including the fixed text.</summary>
internal static class SlackInstallPages
{
    public const string InstallPath = "/slack/install";

    public static IResult Installed() => Page(
        StatusCodes.Status200OK,
        "CoachBot is installed",
        "CoachBot is now installed in your Slack workspace.",
        "Next: open CoachBot in Slack (under Apps in the sidebar), go to its Messages tab and type help.");

    public static IResult Declined() => Page(
        StatusCodes.Status200OK,
        "CoachBot was not installed",
        "No problem: you cancelled, so nothing was installed and nothing was stored.",
        "If you change your mind, start again from " + InstallPath + ".");

    public static IResult StartAgain(int statusCode, string problem) => Page(
        statusCode,
        "The install did not finish",
        problem,
        "Please start again from " + InstallPath + " in the same browser.");

    private static IResult Page(int statusCode, string title, string text, string next)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title))
            .Append("</title></head><body><h1>")
            .Append(Encode(title))
            .Append("</h1><p>")
            .Append(Encode(text))
            .Append("</p><p>")
            .Append(Encode(next))
            .Append("</p><p><a href=\"")
            .Append(Encode(InstallPath))
            .Append("\">")
            .Append(Encode("Add CoachBot to Slack"))
            .Append("</a></p></body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
