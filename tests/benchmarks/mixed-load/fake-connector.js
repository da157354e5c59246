// A loopback Bot Connector for the mixed-load benchmark. Replies to an activity (POST .../activities/<replyToId>)
// are counted per verb, which the load generator puts in the activity id (mix-<verb>-<n>), and classified: an
// Adaptive Card error (a TextBlock coloured "attention") or one of CoachBot's error sentences is an error reply.
// GET /__last?conversation=<id> answers the last activity sent to that conversation (to read a card's buttons).
const http = require('http');
const path = require('path');
const { classifier } = require('./replies.js');

const port = Number(process.env.PORT || 3133);
const classify = classifier(path.join(__dirname, '../../../content/en'));
const last = new Map();
// Activity ids that got a reply, and whether one was an error (GET /__reply/<activity id>).
const answered = new Map();
let stats = fresh();
function fresh() { return { replies: 0, sends: 0, byVerb: {} }; }

function texts(activity) {
  const found = [activity.text || ''];
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'TextBlock' && typeof node.text === 'string') found.push(node.text);
      Object.values(node).forEach(walk);
    }
  };
  walk(activity.attachments || []);
  return found.filter((t) => t.length > 0);
}

function isError(activity, raw) {
  if (raw.includes('"color":"attention"')) return true;
  const all = texts(activity);
  return all.length === 0 || all.some((t) => classify(t) === 'error');
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://x');
    res.setHeader('Content-Type', 'application/json');
    if (req.method === 'GET' && url.pathname === '/__stats') return res.end(JSON.stringify(stats));
    if (req.method === 'GET' && url.pathname === '/__last') {
      return res.end(last.get(url.searchParams.get('conversation')) || 'null');
    }
    const asked = /^\/__reply\/(.+)$/.exec(url.pathname);
    if (req.method === 'GET' && asked) {
      const id = decodeURIComponent(asked[1]);
      return res.end(JSON.stringify({ seen: answered.has(id), error: answered.get(id) === true }));
    }
    if (req.method === 'POST' && url.pathname === '/__reset') { stats = fresh(); return res.end('{}'); }

    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) {
      res.statusCode = 404;
      return res.end();
    }

    let activity = {};
    try { activity = JSON.parse(raw); } catch { /* counted as an error below */ }
    const conversation = decodeURIComponent(match[1]);
    last.set(conversation, raw);
    if (match[2]) {
      stats.replies += 1;
      const verb = (/^mix-([a-z0-9]+)-/.exec(decodeURIComponent(match[2])) || [])[1] || 'other';
      const entry = stats.byVerb[verb] || (stats.byVerb[verb] = { replies: 0, errors: 0, samples: [] });
      entry.replies += 1;
      const replyTo = decodeURIComponent(match[2]);
      const wrong = isError(activity, raw);
      answered.set(replyTo, answered.get(replyTo) === true || wrong);
      if (wrong) {
        entry.errors += 1;
        if (entry.samples.length < 3) entry.samples.push(texts(activity).join(' | ').slice(0, 200));
      }
    } else {
      stats.sends += 1;
    }
    res.statusCode = 201;
    res.end(JSON.stringify({ id: `reply-${stats.replies + stats.sends}` }));
  });
}).listen(port, '127.0.0.1', () => console.log(`fake connector on ${port}`));
