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
let azuriteShutdown;
let stopping = false;

// Azurite's table main.js registers its shutdown with process.once('SIGINT', ...). Keep that handler for ourselves
// instead of letting a terminal's SIGINT run it.
const originalOnce = process.once;
process.once = function once(event, listener) {
  if (event === 'SIGINT' && azuriteShutdown === undefined) {
    azuriteShutdown = listener;
    return this;
  }

  return originalOnce.call(this, event, listener);
};

function stop() {
  if (stopping) {
    return;
  }

  stopping = true;
  if (azuriteShutdown !== undefined) {
    // Closes the server and saves the database; node exits once nothing is left to do.
    azuriteShutdown();
  } else {
    // Still starting: nothing was written yet, so there is nothing to save.
    process.exit(0);
  }
}

function stopIfOrphaned() {
  if (process.ppid !== parentAtStart) {
    stop();
  }
}

process.on('SIGINT', stopIfOrphaned);
process.on('SIGTERM', stop);
setInterval(stopIfOrphaned, 1000).unref();
