// A counting pass-through between CoachBot and Azurite (Table Storage). Every HTTP request the host makes is one
// storage call: an entity-group transaction ($batch) is one request, so it counts once. GET /__proxy/stats answers
// the counts since the last POST /__proxy/reset, by method and by table. Loopback only.
const http = require('http');

const port = Number(process.env.PORT || 3124);
const upstreamPort = Number(process.env.UPSTREAM_PORT || 3125);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

let stats = fresh();
let lastCall = 0;
function fresh() {
  return { calls: 0, batches: 0, failed: 0, resent: 0, failedByStatus: {}, byMethod: {}, byTable: {}, since: Date.now() };
}

// /devstoreaccount1/Users(PartitionKey='..',RowKey='..') -> Users; /devstoreaccount1/$batch -> $batch
function tableOf(url) {
  const path = url.split('?')[0].split('/')[2] || '';
  return path.replace(/\(.*$/, '') || '(account)';
}

function withoutHopByHop(headers) {
  const copy = { ...headers };
  for (const name of ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']) delete copy[name];
  return copy;
}

// Sends one request on to Azurite. A kept-alive socket Azurite closed just as it was reused fails with ECONNRESET
// before Azurite read anything: that one is sent again, once, as Node's documentation advises.
function forward(req, res, body, counted, mayRetry) {
  const upstream = http.request(
    { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: withoutHopByHop(req.headers), agent },
    (answer) => {
      if (answer.statusCode >= 500) {
        counted.failed += 1;
        counted.failedByStatus[answer.statusCode] = (counted.failedByStatus[answer.statusCode] || 0) + 1;
      }
      res.writeHead(answer.statusCode, answer.statusMessage, withoutHopByHop(answer.headers));
      answer.pipe(res);
    });
  upstream.on('error', (err) => {
    if (mayRetry && upstream.reusedSocket && err.code === 'ECONNRESET') {
      counted.resent += 1;
      forward(req, res, body, counted, false);
      return;
    }
    counted.failed += 1;
    counted.failedByStatus[err.code || 'proxy'] = (counted.failedByStatus[err.code || 'proxy'] || 0) + 1;
    if (!res.headersSent) res.writeHead(502);
    res.end(String(err));
  });
  upstream.end(body);
}

http.createServer((req, res) => {
  if (req.url === '/__proxy/stats') {
    req.resume();
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ ...stats, lastCall, now: Date.now() }));
    return;
  }
  if (req.url === '/__proxy/reset') {
    req.resume();
    stats = fresh();
    res.end('{}');
    return;
  }

  const table = tableOf(req.url);
  stats.calls += 1;
  lastCall = Date.now();
  if (table === '$batch') stats.batches += 1;
  stats.byMethod[req.method] = (stats.byMethod[req.method] || 0) + 1;
  stats.byTable[table] = (stats.byTable[table] || 0) + 1;
  const counted = stats;

  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => forward(req, res, Buffer.concat(chunks), counted, true));
}).listen(port, '127.0.0.1', () => console.log(`storage proxy on ${port} -> ${upstreamPort}`));
