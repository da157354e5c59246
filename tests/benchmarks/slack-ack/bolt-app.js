// The minimal Bolt app of the slash-command ack benchmark: it verifies Slack's signature (Bolt does that itself) and
// acks /coach with a short ephemeral help message. Nothing leaves the machine: no auth.test (bot ids are given) and
// the Web API base URL points at a closed local port.
const { App } = require('@slack/bolt');

const port = Number(process.env.PORT || 3101);
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: process.env.SLACK_BOT_TOKEN,
  botId: 'B0BENCH',
  botUserId: 'U0BENCHBOT',
  tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/' },
});

app.command('/coach', async ({ command, ack }) => {
  if (command.text.trim() === 'help') {
    await ack({ response_type: 'ephemeral', text: 'Here is what I can do: start, today, progress, settings, help.' });
  } else {
    await ack({ response_type: 'ephemeral', text: 'Type /coach help to see what I can do.' });
  }
});

(async () => {
  await app.start(port);
  console.log(`bolt listening on ${port}`);
})();
