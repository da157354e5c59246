// Requests exactly as Slack sends them: form-encoded slash commands and block_actions interactions, each with a fresh
// trigger id (and action_ts), signed with v0 HMAC-SHA256 of `v0:<timestamp>:<body>` under the app's signing secret.
const crypto = require('crypto');

function pad(i) { return String(i).padStart(5, '0'); }

function createSlack({ request, hostUrl, apiUrl, secret, workspaces, classify }) {
  let sequence = 0;
  const user = (i) => `U0MX${pad(i)}`;
  // Neighbours share a workspace: person 2k manages person 2k+1, and a 1-on-1 never spans workspaces.
  const team = (i) => `T0MX${String(Math.floor(i / 2) % workspaces).padStart(3, '0')}`;
  const channel = (i) => `D0MX${pad(i)}`;
  const unique = () => `${process.pid}${Date.now()}.${++sequence}`;

  function signed(path, body) {
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
    return request('POST', hostUrl + path, body, {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': ts,
      'X-Slack-Signature': signature,
    });
  }

  // One slash command; the ack carries the first reply. Returns { status, ms, outcome, text, ack }.
  async function command(i, text, verb) {
    const n = unique();
    const body = new URLSearchParams({
      token: 'mixed-load', team_id: team(i), team_domain: `mixed${Math.floor(i / 2) % workspaces}`, channel_id: channel(i),
      channel_name: 'directmessage', user_id: user(i), user_name: `person${i}`, command: '/coach', text,
      api_app_id: 'A0MIXED', is_enterprise_install: 'false', response_url: `${apiUrl}/respond/${verb}/${n}`,
      trigger_id: `${n}.mixed.${crypto.randomBytes(6).toString('hex')}`,
    }).toString();
    const answer = await signed('/slack/commands', body);
    let ack = null;
    let outcome = answer.status >= 200 && answer.status < 300 ? 'ok' : 'http';
    if (outcome === 'ok') {
      try { ack = answer.body.length ? JSON.parse(answer.body) : null; } catch { outcome = 'badjson'; }
      const said = ack && typeof ack.text === 'string' ? ack.text : '';
      if (outcome === 'ok') outcome = said.startsWith('Working on it') ? 'late' : classify(said);
    }
    return { status: answer.status, ms: answer.ms, outcome, text: ack ? ack.text : answer.body, ack, id: n };
  }

  // The answer to a command once the turn is over: the ack's, or after a late ack the response_url post's.
  async function settled(reply) {
    if (reply.outcome !== 'late') return reply.outcome;
    for (let waited = 0; waited < 30000; waited += 200) {
      const seen = JSON.parse((await request('GET', `${apiUrl}/__seen/${encodeURIComponent(reply.id)}`)).body);
      if (seen.seen) return seen.error ? 'error' : 'ok';
      await new Promise((r) => setTimeout(r, 200));
    }
    return 'no_reply';
  }

  // A button press on a message CoachBot sent: the ack is empty, the answer goes to the response_url.
  async function press(i, actionId, value, verb) {
    const n = unique();
    const payload = {
      type: 'block_actions',
      team: { id: team(i), domain: `mixed${Math.floor(i / 2) % workspaces}` },
      user: { id: user(i), username: `person${i}`, team_id: team(i) },
      api_app_id: 'A0MIXED',
      trigger_id: `${n}.mixed.${crypto.randomBytes(6).toString('hex')}`,
      container: { type: 'message', message_ts: '1764000000.000100', channel_id: channel(i), is_ephemeral: true },
      channel: { id: channel(i), name: 'directmessage' },
      response_url: `${apiUrl}/respond/${verb}/${n}`,
      state: { values: {} },
      actions: [{ type: 'button', action_id: actionId, block_id: 'mixed', value, action_ts: `${Math.floor(Date.now() / 1000)}.${crypto.randomBytes(6).readUIntBE(0, 6)}` }],
    };
    const answer = await signed('/slack/interactions', 'payload=' + encodeURIComponent(JSON.stringify(payload)));
    const outcome = answer.status >= 200 && answer.status < 300 ? (answer.body.length === 0 ? 'ok' : 'unexpected_body') : 'http';
    return { status: answer.status, ms: answer.ms, outcome, text: answer.body };
  }

  const elements = (ack) => ((ack && ack.blocks) || []).filter((b) => b.type === 'actions').flatMap((b) => b.elements || []);
  const images = (ack) => ((ack && ack.blocks) || []).filter((b) => b.type === 'image').map((b) => b.image_url);

  return {
    name: 'Slack',
    user,
    say: (i, text, verb) => command(i, text, verb),
    settled,
    mention: (i) => `<@${user(i)}|person${i}>`,
    // The Done button of today's step, as rendered in the ack of `today`.
    async doneButton(i, reply) {
      const done = elements(reply.ack).find((e) => String(e.action_id || '').startsWith('habit.done'));
      return done ? { actionId: done.action_id, value: done.value } : null;
    },
    press: (i, button, verb) => press(i, button.actionId, button.value, verb),
    async chartUrl(i, reply) { return images(reply.ack).find((u) => u.includes('/charts/')) || null; },
  };
}

module.exports = { createSlack };
