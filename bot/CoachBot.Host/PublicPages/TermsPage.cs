namespace CoachBot.Host.PublicPages;

/// <summary>The terms of use page's body, in our own words and two languages: who provides the service, what it is
/// for and not for, what users must not put in it, and how it ends.</summary>
public static class TermsPage
{
    public static string English(PublicPageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var provider = facts.OperatorName ?? "the organisation that installed it in your Slack workspace or Microsoft Teams tenant";
        return $$"""
            <h2>Who provides CoachBot</h2>
            <p>This CoachBot is run by {{provider}} (the operator). Your use of it is part of your use of the operator's
            workplace tools, so the operator's own policies for those tools apply as well. CoachBot itself is open source
            software, provided as is, without warranty of any kind.</p>

            <h2>What CoachBot is for</h2>
            <p>CoachBot suggests small daily habits, keeps track of your practice, helps prepare 1-on-1s and runs team
            reflections for engineers growing toward engineering leadership. Its suggestions are coaching prompts, not
            professional, legal, medical or HR advice: what you do with them is your decision.</p>

            <h2>Using it well</h2>
            <ul>
            <li>Write only what you may share at work. Shared 1-on-1 notes and talking points are seen by the other person of the pairing.</li>
            <li>Do not use CoachBot to collect information about colleagues without their knowledge, or to get around your organisation's rules.</li>
            <li>Do not try to break, overload or get around the security of the service.</li>
            </ul>

            <h2>Your data</h2>
            <p>The <a href="{{PublicPageEndpoints.PrivacyRoute}}?lang=en">privacy page</a> says what is stored and how to
            export or delete it at any time (<code>export</code>, <code>forget me</code>).</p>

            <h2>Changes and ending</h2>
            <p>The operator may change, pause or uninstall CoachBot. After an uninstall your data is deleted after
            {{facts.GraceDaysEn}}, as the privacy page explains. You may stop at any time: <code>settings</code> turns
            nudges off, and <code>forget me</code> removes you.</p>
            """;
    }

    public static string Japanese(PublicPageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var provider = facts.OperatorName ?? "あなたの Slack ワークスペースまたは Microsoft Teams テナントに導入した組織";
        return $$"""
            <h2>提供者</h2>
            <p>この CoachBot は {{provider}}（運用者）が運用しています。CoachBot の利用は運用者の業務ツールの利用の一部であり、
            それらのツールに関する運用者の規程も適用されます。CoachBot 自体はオープンソースソフトウェアで、現状のまま提供され、
            いかなる保証もありません。</p>

            <h2>CoachBot の目的</h2>
            <p>CoachBot は、エンジニアリングのリーダーを目指すエンジニアのために、毎日の小さな習慣を提案し、実践を記録し、
            1on1 の準備とチームの振り返りを手伝います。提案はコーチングのきっかけであり、専門的・法的・医療・人事上の助言では
            ありません。どう活かすかはあなたが決めてください。</p>

            <h2>利用にあたって</h2>
            <ul>
            <li>職場で共有してよいことだけを書いてください。共有の 1on1 メモと話したいことは、ペアの相手にも見えます。</li>
            <li>同僚の知らないうちに情報を集めたり、組織のルールを回避したりするために使わないでください。</li>
            <li>サービスを壊す、過負荷をかける、セキュリティを回避する行為はしないでください。</li>
            </ul>

            <h2>あなたのデータ</h2>
            <p>何が保存され、いつでもどうエクスポート・削除できるか（<code>export</code>、<code>forget me</code>）は
            <a href="{{PublicPageEndpoints.PrivacyRoute}}?lang=ja">プライバシーのページ</a>にあります。</p>

            <h2>変更と終了</h2>
            <p>運用者は CoachBot を変更、一時停止、アンインストールすることがあります。アンインストール後、あなたのデータは
            {{facts.GraceDays}}日後に削除されます（プライバシーのページを参照）。あなたはいつでもやめられます。
            <code>settings</code> で通知を止め、<code>forget me</code> で登録を消せます。</p>
            """;
    }
}
