// The minimal botbuilder 4.23 bot of the Teams benchmark: anonymous (no app id, as CoachBot's local mode), on Node's
// own http server, answering every message with one text reply posted to the activity's serviceUrl.
const http = require('http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler } = require('botbuilder');

const port = Number(process.env.PORT || 3111);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`You said: ${context.activity.text}. Type help to see what I can do.`);
  await next();
});

http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.statusCode = req.method === 'GET' ? 200 : 404;
    res.end();
    return;
  }

  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', async () => {
    const request = { method: req.method, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
    const response = {
      socket: req.socket,
      status(code) { res.statusCode = code; return response; },
      header(name, value) { res.setHeader(name, value); return response; },
      send(body) {
        if (body !== undefined && body !== null) {
          res.setHeader('Content-Type', 'application/json');
          res.write(typeof body === 'string' ? body : JSON.stringify(body));
        }
        return response;
      },
      end() { res.end(); return response; },
    };
    try {
      await adapter.process(request, response, context => bot.run(context));
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  });
}).listen(port, '127.0.0.1', () => console.log(`botbuilder bot on ${port}`));
