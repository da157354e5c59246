// A loopback Bot Connector for the Teams benchmark: accepts every reply and send, counts them, answers an activity id.
// GET /count says how many replies arrived, so the script can check that both bots really answered.
const http = require('http');

const port = Number(process.env.PORT || 3113);
let replies = 0;
http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.method === 'GET' && req.url === '/count') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ replies }));
      return;
    }

    if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url)) {
      replies += 1;
      res.statusCode = 201;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${replies}` }));
      return;
    }

    res.statusCode = 404;
    res.end();
  });
}).listen(port, '127.0.0.1', () => console.log(`fake connector on ${port}`));
