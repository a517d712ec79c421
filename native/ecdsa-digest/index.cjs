'use strict';
// The compiled addon; callers fall back to a JavaScript verifier when it is missing (e.g. in
// Electron, whose BoringSSL does not export these symbols to addons).
module.exports = require('./build/Release/ecdsa_digest.node');
