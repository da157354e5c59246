namespace CoachBot.Slack.Tests.FakeSlack;

/// <summary>How the fake Slack fails a call it was told to fail (see <see cref="FakeSlackApi.FailNext"/>).</summary>
public enum FakeSlackFault
{
    /// <summary>Answers the status code without doing anything.</summary>
    Refuse,

    /// <summary>Does the call (a post lands in the channel), then answers the status code: Slack's ambiguous 5xx.</summary>
    ApplyThenFail,

    /// <summary>Closes the connection without an answer, doing nothing.</summary>
    Drop,

    /// <summary>Does the call, then closes the connection without an answer (the answer was lost on the way).</summary>
    ApplyThenDrop,

    /// <summary>Never answers (until the caller gives up and hangs up), doing nothing: a timeout.</summary>
    Hang,
}
