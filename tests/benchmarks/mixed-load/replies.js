// What counts as an error reply: the start of every English error or usage sentence in content/en (up to its first
// placeholder), read from the YAML lines themselves so the list follows the content. No YAML library needed: these
// files keep one `key: "text"` per line.
const fs = require('fs');
const path = require('path');

// Error and usage sentences, and the refusals a 1-on-1 answer can give without either word in its key.
function isErrorKey(key) {
  return /(^|\.)(error|errors)(\.|$)|\.usage$/.test(key) || /^oneonones\.(accept|decline)\.(none|which)$/.test(key);
}

function errorPrefixes(contentDir) {
  const prefixes = [];
  for (const file of fs.readdirSync(contentDir).filter((f) => /^strings.*\.yaml$/.test(f))) {
    for (const line of fs.readFileSync(path.join(contentDir, file), 'utf8').split('\n')) {
      const match = /^([a-z0-9_.]+):\s*"(.*)"\s*$/.exec(line);
      if (!match || match[1].startsWith('verb.') || !isErrorKey(match[1])) continue;
      const literal = match[2].split('{')[0].replace(/\\"/g, '"').trim();
      if (literal.length >= 12) prefixes.push(literal);
    }
  }
  return prefixes;
}

// Slack escapes &, < and > in message text; compare like with like.
function slackEscape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function classifier(contentDir) {
  const plain = errorPrefixes(contentDir);
  const escaped = plain.map(slackEscape);
  return (text) => {
    const t = (text || '').trim();
    if (t.length === 0) return 'empty';
    if (plain.some((p) => t.startsWith(p)) || escaped.some((p) => t.startsWith(p))) return 'error';
    return 'ok';
  };
}

module.exports = { classifier, errorPrefixes };
