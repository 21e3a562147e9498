#!/usr/bin/env node
// The `yieldfrom` command. It lives outside dist/ so that npm links it at install time, before the
// package is built (npm skips a bin whose file does not exist yet); the CLI itself is dist-node/cli.js
// (scripts/bundle-node.mjs).
import '../dist-node/cli.js';
