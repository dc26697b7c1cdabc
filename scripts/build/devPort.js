/* eslint-disable @typescript-eslint/no-require-imports */
// The port the development server listens on: DEV_SERVER_PORT if set, else package.json's
// config.dev_server_port (3000, the port manifest.xml names).
const { config } = require("../../package.json");

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {number}
 * @example devServerPort({ DEV_SERVER_PORT: "3443" }) // 3443
 */
function devServerPort(env) {
  const setting = env.DEV_SERVER_PORT || String(config.dev_server_port);
  const port = Number(setting);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`DEV_SERVER_PORT must be a port number from 1 to 65535 (got ${setting})`);
  }
  return port;
}

module.exports = { devServerPort };
