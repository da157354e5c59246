// Activities as Teams sends them to a bot: personal conversations (one per person), each activity with a fresh id
// that names the verb (mix-<verb>-<n>) so the connector stub can count replies per verb. A button press is what an
// Adaptive Card Action.Submit sends: a message with no text and the button's data as value.
function pad(i) { return String(i).padStart(5, '0'); }

function createTeams({ request, hostUrl, connectorUrl, tenant }) {
  let sequence = 0;
  const user = (i) => `29:mixed-${pad(i)}`;
  const conversation = (i) => `a:mixed-personal-${pad(i)}`;

  function activity(i, verb, fields) {
    return {
      type: 'message',
      id: `mix-${verb}-${process.pid}-${Date.now()}-${++sequence}`,
      timestamp: new Date().toISOString(),
      serviceUrl: `${connectorUrl}/`,
      channelId: 'msteams',
      from: { id: user(i), name: `Person ${i}`, aadObjectId: `00000000-0000-4000-8000-0000000${pad(i)}` },
      recipient: { id: '28:coachbot-mixed', name: 'CoachBot' },
      conversation: { id: conversation(i), conversationType: 'personal', tenantId: tenant },
      locale: 'en-US',
      localTimezone: 'UTC',
      ...fields,
    };
  }

  async function send(body) {
    const answer = await request('POST', `${hostUrl}/api/messages`, JSON.stringify(body), { 'Content-Type': 'application/json' });
    const outcome = answer.status >= 200 && answer.status < 300 ? 'ok' : 'http';
    return { status: answer.status, ms: answer.ms, outcome, text: answer.body, id: body.id };
  }

  // Teams answers before the HTTP 200: the connector stub already has the reply, or there is none.
  async function settled(reply) {
    if (reply.outcome !== 'ok') return reply.outcome;
    const seen = JSON.parse((await request('GET', `${connectorUrl}/__reply/${encodeURIComponent(reply.id)}`)).body);
    return !seen.seen ? 'no_reply' : seen.error ? 'error' : 'ok';
  }

  // The last card CoachBot sent to this person's conversation, from the connector stub.
  async function lastCard(i) {
    const answer = await request('GET', `${connectorUrl}/__last?conversation=${encodeURIComponent(conversation(i))}`);
    const sent = JSON.parse(answer.body || 'null');
    return sent && (sent.attachments || []).map((a) => a.content).find((c) => c && c.type === 'AdaptiveCard');
  }

  function collect(node, test, found = []) {
    if (Array.isArray(node)) node.forEach((n) => collect(n, test, found));
    else if (node && typeof node === 'object') {
      if (test(node)) found.push(node);
      Object.values(node).forEach((n) => collect(n, test, found));
    }
    return found;
  }

  return {
    name: 'Teams',
    user,
    say: (i, text, verb) => send(activity(i, verb, { text, textFormat: 'plain' })),
    settled,
    mention: (i) => `@${user(i)}`,
    // The Done button of today's step: an Action.Submit whose data names habit.done.
    async doneButton(i) {
      const card = await lastCard(i);
      const done = collect(card, (n) => n.type === 'Action.Submit' && n.data && String(n.data.coachbot || '').startsWith('habit.done'))[0];
      return done ? { value: done.data } : null;
    },
    press: (i, button, verb) => send(activity(i, verb, { value: button.value })),
    async chartUrl(i) {
      const card = await lastCard(i);
      const image = collect(card, (n) => n.type === 'Image' && typeof n.url === 'string' && n.url.includes('/charts/'))[0];
      return image ? image.url : null;
    },
  };
}

module.exports = { createTeams };
