import './threadpool';
import type { Server } from 'node:http';
import { createApp } from './app';
import { LoginThrottle } from './auth/login-throttle';
import { DatabaseSessionStore } from './auth/session-store';
import { ConfigError, loadConfig } from './config';
import { DatabaseUnreachableError, describeTarget, openDatabase } from './db/database';
import { createLogger } from './logger';
import { ensureFirstAdmin } from './users/first-admin';

const shutdownGraceMs = 10_000;

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  logger.info({ database: describeTarget(config.database) }, 'opening the database');
  const sequelize = await openDatabase(config.database, { log: (message) => logger.info(message) });
  await ensureFirstAdmin(config, (message) => console.log(message));
  const throttle = await LoginThrottle.create(sequelize, config.database);
  const app = createApp({ config, sequelize, logger, throttle });

  const sweeper = setInterval(() => DatabaseSessionStore.clearExpired().catch(() => {}), 15 * 60_000);
  sweeper.unref();

  const server: Server = app.listen(config.port, config.host, () => {
    console.log(`Passerelles est prête : http://localhost:${config.port} (${describeTarget(config.database)})`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), shutdownGraceMs).unref();
    server.close(() => {
      Promise.all([throttle.close(), sequelize.close()]).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnreachableError) {
    console.error(error.message);
  } else {
    console.error('Démarrage impossible :', error);
  }
  process.exit(1);
});
