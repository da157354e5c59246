// A loopback Slack for the mixed-load benchmark: the Web API calls CoachBot makes (users.info echoes the asked user,
// so each of the 500 people is themself), and the response_url sink. Replies posted to /respond/<verb>/<id> are
// counted per verb and classified (a real answer, or one of CoachBot's error sentences). GET /__stats answers counts;
// GET /__seen/<id> says whether request <id> got a response_url post yet, and whether one was an error.
const http = require('http');
const path = require('path');
const { classifier } = require('./replies.js');

const port = Number(process.env.PORT || 3123);
const classify = classifier(path.join(__dirname, '../../../content/en'));
let stats = fresh();
// Request ids whose response_url got a post: a late ack's answer has arrived.
const answered = new Set();
const failed = new Set();
function fresh() { return { api: {}, respond: {} }; }

function field(req, body, name) {
  const query = new URL(req.url, 'http://x').searchParams.get(name);
  if (query) return query;
  if ((req.headers['content-type'] || '').includes('json')) {
    try { return JSON.parse(body)[name]; } catch { return undefined; }
  }
  return new URLSearchParams(body).get(name) || undefined;
}

function answer(res, json) {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(json));
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const url = req.url.split('?')[0];
    if (url === '/__stats') return answer(res, stats);
    if (url === '/__reset') { stats = fresh(); return answer(res, {}); }

    const seen = /^\/__seen\/(.+)$/.exec(url);
    if (seen) {
      const id = decodeURIComponent(seen[1]);
      return answer(res, { seen: answered.has(id), error: failed.has(id) });
    }

    const respond = /^\/respond\/([^/]+)\/([^/?]+)/.exec(url);
    if (respond) {
      answered.add(decodeURIComponent(respond[2]));
      const verb = decodeURIComponent(respond[1]);
      const entry = stats.respond[verb] || (stats.respond[verb] = { replies: 0, errors: 0, samples: [] });
      let text = '';
      try { text = JSON.parse(body).text || ''; } catch { /* not JSON: counted as an empty reply */ }
      entry.replies += 1;
      if (classify(text) !== 'ok') {
        failed.add(decodeURIComponent(respond[2]));
        entry.errors += 1;
        if (entry.samples.length < 3) entry.samples.push(text.slice(0, 200));
      }
      return answer(res, { ok: true });
    }

    const method = url.replace(/^\/api\//, '');
    stats.api[method] = (stats.api[method] || 0) + 1;
    switch (method) {
      case 'users.info': {
        const user = field(req, body, 'user') || 'U0UNKNOWN';
        return answer(res, { ok: true, user: { id: user, name: user.toLowerCase(), real_name: `Person ${user}`, tz: 'UTC', locale: 'en-US', is_bot: false, deleted: false, profile: { display_name: `Person ${user}` } } });
      }
      case 'conversations.open':
        return answer(res, { ok: true, channel: { id: `D${(field(req, body, 'users') || 'X').slice(1)}` } });
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update':
        return answer(res, { ok: true, channel: field(req, body, 'channel') || 'D0', ts: `1764000000.${String(Date.now() % 1000000).padStart(6, '0')}`, message_ts: '1764000000.000001' });
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return answer(res, { ok: true, view: { id: 'V0MIXED' } });
      default:
        return answer(res, { ok: true, messages: [], members: [], response_metadata: { next_cursor: '' } });
    }
  });
}).listen(port, '127.0.0.1', () => console.log(`fake slack on ${port}`));
