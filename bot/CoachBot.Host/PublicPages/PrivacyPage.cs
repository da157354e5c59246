namespace CoachBot.Host.PublicPages;

/// <summary>
/// The privacy page's body: what CoachBot keeps, who controls it, the user's data rights, and what happens after an
/// uninstall with the configured grace period (docs/decisions/0007, 0019 and 0021). Our own words, in two languages.
/// </summary>
public static class PrivacyPage
{
    public static string English(PublicPageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var controller = facts.OperatorName is null
            ? "the organisation that runs CoachBot for your Slack workspace or Microsoft Teams tenant"
            : $"<strong>{facts.OperatorName}</strong>, the organisation that runs CoachBot for your Slack workspace or Microsoft Teams tenant";
        return $$"""
            <h2>Who is responsible for your data</h2>
            <p>The controller of your data is {{controller}}. It chose to install CoachBot and keeps CoachBot's data in
            its own cloud storage. CoachBot's authors do not receive your data. Questions go to the operator: see
            <a href="{{PublicPageEndpoints.SupportRoute}}?lang=en">Support</a>.</p>

            <h2>What CoachBot stores</h2>
            <p>Only what you give it while you use it:</p>
            <ul>
            <li>your profile and settings: role, career path, language, time zone, nudge time and working days;</li>
            <li>the practice you log, with your notes, and your monthly skills self-assessments;</li>
            <li>1-on-1s: pairings, talking points, notes (shared, or private to their author) and action items;</li>
            <li>team reflections you lead or take part in, and your answers (kept apart from your name; summaries posted to a channel are anonymous);</li>
            <li>where to send you messages, and records of what was already sent so nothing is sent twice.</li>
            </ul>

            <h2>Your data rights</h2>
            <ul>
            <li>Send <code>export</code> to CoachBot to get everything it stores about you as a JSON file.</li>
            <li>Send <code>forget me</code> to delete everything about you, after a confirmation. Your 1-on-1 pairings end; team summaries already posted stay, and never named anyone.</li>
            </ul>

            <h2>When CoachBot is uninstalled</h2>
            <p>When a Slack workspace uninstalls CoachBot, or a Microsoft Teams team removes it, CoachBot stops sending
            messages there and deletes the data of that workspace's or tenant's users after <strong>{{facts.GraceDaysEn}}</strong>.
            When you remove CoachBot from your own apps in Teams, only your data is deleted after {{facts.GraceDaysEn}}.
            Installing CoachBot again, or using it, within those {{facts.GraceDaysEn}} keeps the data.</p>
            <p>Files CoachBot uploaded to Slack for you (such as an export file) cannot be deleted by CoachBot once the
            app is uninstalled, because Slack has revoked its access; delete them in Slack.</p>
            """;
    }

    public static string Japanese(PublicPageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var controller = facts.OperatorName is null
            ? "あなたの Slack ワークスペースまたは Microsoft Teams テナントで CoachBot を運用している組織"
            : $"あなたの Slack ワークスペースまたは Microsoft Teams テナントで CoachBot を運用している <strong>{facts.OperatorName}</strong>";
        return $$"""
            <h2>データの管理者</h2>
            <p>あなたのデータの管理者は、{{controller}}です。CoachBot の導入を決め、CoachBot のデータを自らのクラウドストレージに
            保管しています。CoachBot の開発者にあなたのデータが届くことはありません。お問い合わせは運用者へどうぞ
            （<a href="{{PublicPageEndpoints.SupportRoute}}?lang=ja">サポート</a>）。</p>

            <h2>CoachBot が保存するもの</h2>
            <p>あなたが使う中で CoachBot に伝えたものだけです。</p>
            <ul>
            <li>プロフィールと設定：役職、キャリアパス、言語、タイムゾーン、通知の時刻、勤務日</li>
            <li>記録した実践とそのメモ、毎月のスキル自己評価</li>
            <li>1on1：ペア、話したいこと、メモ（相手と共有するもの、または書いた人だけが見られるもの）、アクションアイテム</li>
            <li>あなたが主催・参加するチームの振り返りと回答（回答は名前と切り離して保存し、チャンネルに投稿する要約は匿名です）</li>
            <li>メッセージの送り先と、同じメッセージを二度送らないための送信記録</li>
            </ul>

            <h2>あなたの権利</h2>
            <ul>
            <li>CoachBot に <code>export</code> と送ると、保存されているあなたのデータをすべて JSON ファイルで受け取れます。</li>
            <li><code>forget me</code> と送ると、確認のあと、あなたに関するデータをすべて削除します。1on1 のペアは終了します。投稿済みのチームの要約は残りますが、誰の名前も含みません。</li>
            </ul>

            <h2>CoachBot をアンインストールしたとき</h2>
            <p>Slack ワークスペースが CoachBot をアンインストールするか、Microsoft Teams のチームが削除すると、CoachBot は
            そこへのメッセージ送信を止め、<strong>{{facts.GraceDays}}日</strong>後にそのワークスペースまたはテナントの利用者のデータを削除します。
            Teams で自分のアプリから CoachBot を削除した場合は、あなたのデータだけを{{facts.GraceDays}}日後に削除します。
            その{{facts.GraceDays}}日のうちに再インストールするか CoachBot を使えば、データは残ります。</p>
            <p>CoachBot があなたのために Slack にアップロードしたファイル（エクスポートファイルなど）は、アンインストール後は
            Slack がアクセス権を取り消すため CoachBot からは削除できません。Slack 上で削除してください。</p>
            """;
    }
}
