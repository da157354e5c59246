// Loaded into Azurite (node --require, through NODE_OPTIONS) by CoachBot's AzuriteProcess when Azurite keeps its data
// in a folder. Why: Azurite writes its database to disk every 5 s and once more when it handles SIGINT. A second
// SIGINT while it saves, or any SIGTERM, ends node at once and loses what was written since the last save. A terminal's
// Ctrl+C reaches the whole process group, so Azurite used to get one SIGINT from the terminal and a second from the host.
//
// Here: SIGTERM (what the host sends) starts Azurite's own shutdown, exactly once. SIGINT is ignored while the host
// lives: the host still writes while it stops, and it stops Azurite last. If the host dies without stopping Azurite,
// Azurite stops itself the same way, so it never outlives the host or loses a write.
'use strict';

const parentAtStart = process.ppid;
let stopping = false;

function stop() {
  if (stopping) {
    return;
  }

  stopping = true;
  // Azurite's table main.js listens once for SIGINT and then closes its server and saves its database.
  const azuriteListens = process.listeners('SIGINT').some((listener) => listener !== ignoreInterrupt);
  if (azuriteListens) {
    process.emit('SIGINT', 'SIGINT');
  } else {
    // Still starting: nothing was written yet, so there is nothing to save.
    process.exit(0);
  }
}

function ignoreInterrupt() {
  if (process.ppid !== parentAtStart) {
    stop();
  }
}

process.on('SIGINT', ignoreInterrupt);
process.on('SIGTERM', stop);
setInterval(() => {
  if (process.ppid !== parentAtStart) {
    stop();
  }
}, 1000).unref();
