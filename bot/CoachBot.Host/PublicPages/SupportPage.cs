namespace CoachBot.Host.PublicPages;

/// <summary>The support page's body: help inside the chat, then how to reach the operator (<see
/// cref="SupportOptions.Contact"/>), or the workspace admin when no contact is configured.</summary>
public static class SupportPage
{
    public static string English(PublicPageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var who = facts.OperatorName ?? "the organisation that runs CoachBot for your workspace";
        var contact = facts.ContactLink is null
            ? "<p>No support contact is configured for this CoachBot: ask your Slack workspace or Microsoft Teams admin, who installed it.</p>"
            : $"<p>Support for this CoachBot is given by {who}: {facts.ContactLink}.</p>";
        return $$"""
            <h2>Help in the chat</h2>
            <p>Type <code>help</code> to CoachBot (on Slack: <code>/coach help</code>) to see everything it can do. A
            command it does not know gets an answer with the nearest ones it does.</p>

            <h2>Contact</h2>
            {{contact}}

            <h2>Your data</h2>
            <p><code>export</code> sends you everything CoachBot stores about you; <code>forget me</code> deletes it. The
            <a href="{{PublicPageEndpoints.PrivacyRoute}}?lang=en">privacy page</a> has the details.</p>
            """;
    }

    public static string Japanese(PublicPageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var who = facts.OperatorName ?? "あなたのワークスペースで CoachBot を運用している組織";
        var contact = facts.ContactLink is null
            ? "<p>この CoachBot にはサポート窓口が設定されていません。CoachBot を導入した Slack ワークスペースまたは Microsoft Teams の管理者にお問い合わせください。</p>"
            : $"<p>この CoachBot のサポートは {who} が担当しています：{facts.ContactLink}</p>";
        return $$"""
            <h2>チャットでのヘルプ</h2>
            <p>CoachBot に <code>help</code>（Slack では <code>/coach help</code>）と送ると、できることの一覧が表示されます。
            知らないコマンドには、近いコマンドを提案します。</p>

            <h2>お問い合わせ</h2>
            {{contact}}

            <h2>あなたのデータ</h2>
            <p><code>export</code> で CoachBot が保存しているあなたのデータをすべて受け取れ、<code>forget me</code> で削除できます。
            詳しくは<a href="{{PublicPageEndpoints.PrivacyRoute}}?lang=ja">プライバシーのページ</a>をご覧ください。</p>
            """;
    }
}
