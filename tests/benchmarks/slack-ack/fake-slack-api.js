// Answers the few Web API calls CoachBot makes on the benchmark's ack path (users.info once an hour per user).
const http = require('http');

const port = Number(process.env.PORT || 3103);
http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('Content-Type', 'application/json');
    if (req.url.endsWith('/users.info')) {
      res.end(JSON.stringify({ ok: true, user: { id: 'U0BENCH', name: 'bench', tz: 'UTC', locale: 'en-US', is_bot: false, deleted: false } }));
    } else {
      res.end(JSON.stringify({ ok: true }));
    }
  });
}).listen(port, '127.0.0.1', () => console.log(`fake slack api on ${port}`));
