// The mixed-load generator: onboards USERS people (not measured), then runs a weighted mix of today, done <note>,
// progress (fetching the chart image of 1 in CHART_EVERY), 1on1 agenda and the Done button for DURATION seconds
// with CONCURRENCY requests in flight over keep-alive connections, one request per person at a time. Then it
// sends PROBE requests of each verb one by one to count storage calls per verb. Prints a markdown table.
// Usage: CHANNEL=slack|teams node load.js (settings in the environment; run.sh sets them all).
const http = require('http');
const fs = require('fs');
const path = require('path');
const { classifier } = require('./replies.js');
const { createSlack } = require('./slack-client.js');
const { createTeams } = require('./teams-client.js');

const env = process.env;
const users = Number(env.USERS || 500);
const duration = Number(env.DURATION || 30);
const users0 = Number(env.USERS || 500);
const concurrency = Math.min(Number(env.CONCURRENCY || 32), Math.floor(users0 / 2));
const chartEvery = Number(env.CHART_EVERY || 4);
const probeCount = Math.min(Number(env.PROBE || 40), users);
const proxyUrl = env.PROXY_URL;
const verbs = [['today', 30], ['done', 20], ['button', 20], ['progress', 15], ['agenda', 15]];
const notes = ['walked the team through the plan', 'asked for feedback after standup', 'wrote down three priorities', 'paired on the review'];

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency + 8 });
function request(method, url, body, headers = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, { method, agent, headers: body ? { ...headers, 'Content-Length': Buffer.byteLength(body) } : headers, timeout: 30000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'),
        bytes: Buffer.concat(chunks), ms: Number(process.hrtime.bigint() - started) / 1e6,
      }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: 0, headers: {}, body: String(err), bytes: Buffer.alloc(0), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    if (body) req.write(body);
    req.end();
  });
}
// Tables only the scheduler and the inbox sweep touch on their own timers: left out of per-request counts.
const background = /(SchedulerCursors|Due|Inbox)$/;
const requestCalls = (s) => Object.entries(s.byTable).filter(([t]) => !background.test(t)).reduce((n, [, c]) => n + c, 0);
const backgroundCalls = (s) => s.calls - requestCalls(s);
const getJson = async (url, method = 'GET') => JSON.parse((await request(method, url)).body || '{}');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const classify = classifier(path.join(__dirname, '../../../content/en'));
const channel = env.CHANNEL === 'teams'
  ? createTeams({ request, hostUrl: env.HOST_URL, connectorUrl: env.CONNECTOR_URL, tenant: env.TEAMS_TENANT || '00000000-0000-4000-8000-00000000aaaa' })
  : createSlack({ request, hostUrl: env.HOST_URL, apiUrl: env.SLACK_API_URL, secret: env.SLACK_SECRET, workspaces: Number(env.WORKSPACES || 25), classify });
// Where the host's out-of-band replies land: the response_url sink (Slack) or the connector stub (Teams).
const sinkUrl = env.CHANNEL === 'teams' ? env.CONNECTOR_URL : env.SLACK_API_URL;
async function sinkStats() {
  const s = await getJson(`${sinkUrl}/__stats`);
  return env.CHANNEL === 'teams' ? s.byVerb : s.respond;
}

async function pool(items, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
const range = (n) => Array.from({ length: n }, (_, i) => i);
function fail(message) { console.error(`mixed-load: ${message}`); process.exit(1); }

// Storage goes quiet a little after the last request: the Slack App Home is published 1 s after a change.
async function waitQuiet(quietMs = 2000, maxMs = 20000) {
  const until = Date.now() + maxMs;
  for (;;) {
    const s = await getJson(`${proxyUrl}/__proxy/stats`);
    if (s.now - s.lastCall >= quietMs || Date.now() > until) return;
    await sleep(250);
  }
}

const buttons = new Map();
async function setup() {
  const bad = [];
  // One step of the setup, sent again (at most twice) when its answer was an error: storage that did not answer in
  // time on a busy machine says "nothing was saved", so the same step can go again.
  async function step(i, text, what) {
    let reply;
    let outcome;
    for (let attempt = 0; attempt < 3; attempt++) {
      reply = await channel.say(i, text, 'setup');
      outcome = await channel.settled(reply);
      if (outcome === 'ok') return reply;
      await sleep(500);
    }
    if (bad.length < 5) bad.push(`${what} of person ${i}: ${reply.status} ${outcome} ${String(reply.text).slice(0, 160)}`);
    return reply;
  }
  await pool(range(users), async (i) => {
    for (const answer of ['start', 'senior', 'internal', '09:00', 'mon-fri']) await step(i, answer, `onboarding ${answer}`);
  });
  // Pairs of people: the even one manages the odd one, so both have an agenda.
  await pool(range(Math.floor(users / 2)), async (k) => {
    await step(2 * k, `1on1 setup ${channel.mention(2 * k + 1)} weekly tue 15:00`, '1on1 setup');
    await step(2 * k + 1, '1on1 accept', '1on1 accept');
  });
  await pool(range(users), async (i) => {
    let button = null;
    for (let attempt = 0; attempt < 3 && !button; attempt++) button = await channel.doneButton(i, await step(i, 'today', 'today'));
    if (button) buttons.set(i, button);
    else if (bad.length < 5) bad.push(`no Done button on today's step of person ${i}`);
  });
  if (bad.length) fail(`setup failed:\n  ${bad.join('\n  ')}`);
}

function pick(weights) {
  let r = Math.random() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [name, w] of weights) if ((r -= w) < 0) return name;
  return weights[0][0];
}

function run(verb, i) {
  switch (verb) {
    case 'today': return channel.say(i, 'today', verb);
    case 'done': return channel.say(i, `done ${notes[i % notes.length]}`, verb);
    case 'progress': return channel.say(i, 'progress', verb);
    case 'agenda': return channel.say(i, '1on1 agenda', verb);
    default: return channel.press(i, buttons.get(i), verb);
  }
}

async function fetchChart(url) {
  const r = await request('GET', url);
  const png = r.bytes.length > 8 && r.bytes.readUInt32BE(0) === 0x89504e47;
  return { status: r.status, ms: r.ms, outcome: r.status === 200 && png ? 'ok' : r.status === 429 ? 'limited' : 'http', text: r.body.slice(0, 120) };
}

const results = {};
function record(verb, r) {
  const entry = results[verb] || (results[verb] = { ms: [], outcomes: {}, samples: [] });
  entry.ms.push(r.ms);
  entry.outcomes[r.outcome] = (entry.outcomes[r.outcome] || 0) + 1;
  if (!['ok', 'late', 'limited'].includes(r.outcome) && entry.samples.length < 3) entry.samples.push(`${r.status} ${r.outcome} ${String(r.text).slice(0, 160)}`);
}

async function mix() {
  const busy = new Set();
  const end = Date.now() + duration * 1000;
  let progressCount = 0;
  const started = process.hrtime.bigint();
  await Promise.all(range(concurrency).map(async () => {
    while (Date.now() < end) {
      let i;
      do i = Math.floor(Math.random() * users); while (busy.has(i));
      busy.add(i);
      const verb = pick(verbs);
      const reply = await run(verb, i);
      record(verb, reply);
      // A late Slack ack has no chart in it (the answer follows through the response_url): no image to fetch.
      if (verb === 'progress' && reply.outcome !== 'late' && ++progressCount % chartEvery === 0) {
        const url = await channel.chartUrl(i, reply);
        record('chart', url ? await fetchChart(url) : { status: 0, ms: 0, outcome: 'no_chart_url', text: '' });
      }
      busy.delete(i);
    }
  }));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

// Storage calls per request of one verb, sent one at a time to distinct people, background idle rate subtracted.
async function probe(verb, idlePerSecond, charts) {
  await waitQuiet();
  await request('POST', `${proxyUrl}/__proxy/reset`);
  const started = Date.now();
  const count = verb === 'chart' ? charts.length : probeCount;
  for (let i = 0; i < count; i++) {
    if (verb === 'chart') await fetchChart(charts[i]);
    else {
      const reply = await run(verb, i);
      const url = verb === 'progress' ? await channel.chartUrl(i, reply) : null;
      if (url) charts.push(url);
    }
  }
  await waitQuiet();
  const s = await getJson(`${proxyUrl}/__proxy/stats`);
  const calls = requestCalls(s) - idlePerSecond * ((s.now - started) / 1000);
  return { perRequest: count ? calls / count : NaN, byTable: s.byTable };
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] : NaN);
const fixed = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
function rss(pid) {
  try { return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; } catch { return NaN; }
}

async function main() {
  await setup();
  await waitQuiet();
  await request('POST', `${proxyUrl}/__proxy/reset`);
  await sleep(3000);
  const idle = await getJson(`${proxyUrl}/__proxy/stats`);
  const idlePerSecond = requestCalls(idle) / ((idle.now - idle.since) / 1000);

  await request('POST', `${proxyUrl}/__proxy/reset`);
  const before = await sinkStats();
  const seconds = await mix();
  await waitQuiet();
  const storage = await getJson(`${proxyUrl}/__proxy/stats`);
  const after = await sinkStats();
  const memory = rss(env.HOST_PID);

  const charts = [];
  const perVerb = {};
  for (const verb of [...verbs.map(([v]) => v), 'chart']) perVerb[verb] = await probe(verb, idlePerSecond, charts);

  const name = channel.name;
  const total = Object.values(results).reduce((s, e) => s + e.ms.length, 0);
  const all = Object.values(results).flatMap((e) => e.ms).sort((a, b) => a - b);
  const storageCalls = requestCalls(storage) - idlePerSecond * ((storage.now - storage.since) / 1000);
  const lines = [];
  let errors = 0;
  lines.push(`#### ${name}: mixed load, ${users} people${env.CHANNEL === 'teams' ? '' : ` in ${env.WORKSPACES || 25} workspaces`}, ${fixed(seconds, 0)} s, ${concurrency} in flight, ${require('os').cpus().length} cores, ${new Date().toISOString().slice(0, 16)}Z`);
  lines.push('');
  lines.push('| Verb | Requests | p50 ms | p99 ms | Errors | Storage calls per request |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const verb of [...verbs.map(([v]) => v), 'chart']) {
    const e = results[verb] || { ms: [], outcomes: {}, samples: [] };
    const sorted = [...e.ms].sort((a, b) => a - b);
    const sunk = { replies: ((after[verb] || {}).replies || 0) - ((before[verb] || {}).replies || 0), errors: ((after[verb] || {}).errors || 0) - ((before[verb] || {}).errors || 0) };
    // Every Teams turn and every Slack button press answers out of band, exactly once.
    const expectsReply = verb !== 'chart' && (env.CHANNEL === 'teams' || verb === 'button');
    const missing = expectsReply ? Math.max(0, sorted.length - sunk.replies) : 0;
    const bad = Object.entries(e.outcomes).filter(([o]) => o !== 'ok' && o !== 'limited' && o !== 'late').reduce((s, [, n]) => s + n, 0) + sunk.errors + missing;
    errors += bad;
    const notesFor = [e.outcomes.late ? `${e.outcomes.late} late acks` : '', e.outcomes.limited ? `${e.outcomes.limited} × 429` : '', missing ? `${missing} replies missing` : ''].filter(Boolean).join(', ');
    const label = verb === 'chart' ? `chart image (1 in ${chartEvery} progress)` : verb === 'button' ? 'Done button' : verb === 'agenda' ? '1on1 agenda' : verb === 'done' ? 'done <note>' : verb;
    lines.push(`| ${label} | ${sorted.length} | ${fixed(percentile(sorted, 0.5))} | ${fixed(percentile(sorted, 0.99))} | ${bad}${notesFor ? ` (${notesFor})` : ''} | ${fixed(perVerb[verb].perRequest)} |`);
    for (const sample of [...e.samples, ...((after[verb] || {}).samples || [])].slice(0, 3)) console.error(`  ${verb}: ${sample}`);
  }
  lines.push(`| **all** | ${total} (${fixed(total / seconds, 0)}/s) | ${fixed(percentile(all, 0.5))} | ${fixed(percentile(all, 0.99))} | ${errors} | ${fixed(storageCalls / total)} |`);
  lines.push('');
  lines.push(`Host RSS after the run: ${fixed(memory, 0)} MiB. Storage: Azurite in memory behind a counting proxy; ${fixed(storageCalls, 0)} calls during the mix ` +
    `(${storage.batches} of them $batch, ${storage.resent} sent again by the proxy after a reset keep-alive socket, ${storage.failed} failed${storage.failed ? ` ${JSON.stringify(storage.failedByStatus)}` : ''}; ${backgroundCalls(storage)} scheduler and inbox-sweep calls left out, idle ${fixed(idlePerSecond)} calls/s subtracted); ` +
    `per-verb counts from ${probeCount} requests one at a time${env.CHANNEL === 'teams' ? '' : ', including the App Home re-publish each command schedules'}.`);
  console.log(lines.join('\n'));
  console.error(`storage during the mix by table: ${JSON.stringify(storage.byTable)}`);
  for (const verb of Object.keys(perVerb)) console.error(`storage per ${verb} (${probeCount} probes) by table: ${JSON.stringify(perVerb[verb].byTable)}`);
  process.exit(errors > 0 ? 1 : 0);
}

main().catch((err) => fail(err.stack || String(err)));
