import './threadpool';
import { answerClientErrorsAsProblems } from './http/client-error';
import type { Server } from 'node:http';
import { createApp } from './app';
import { LoginThrottle } from './auth/login-throttle';
import { ConfigError, loadConfig } from './config';
import { DatabaseUnreachableError, describeTarget, openDatabase } from './db/database';
import { trackQueries } from './db/query-tracker';
import { backgroundJobs } from './jobs/background-jobs';
import { JobScheduler } from './jobs/job-scheduler';
import { createLogger } from './logger';
import { ensureSearchIndex } from './search/search-index';
import { createMailer } from './mail/mailer';
import { ensureFirstAdmin } from './users/first-admin';

const shutdownGraceMs = 10_000;

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  logger.info({ database: describeTarget(config.database) }, 'opening the database');
  const sequelize = await openDatabase(config.database, { log: (message) => logger.info(message) });
  const queries = trackQueries(sequelize);
  if (await ensureSearchIndex()) logger.info('search index built');
  await ensureFirstAdmin(config, (message) => console.log(message));
  const throttle = await LoginThrottle.create(sequelize, config.database);
  const mailer = createMailer(config.mail);
  const app = createApp({ config, sequelize, logger, throttle, mailer });

  const scheduler = new JobScheduler(backgroundJobs({ config, mailer }), (job, error) => logger.error({ err: error, job }, 'background job failed'));
  if (config.jobs.enabled) scheduler.start(config.jobs.pollSeconds * 1000);

  const server: Server = app.listen(config.port, config.host, () => {
    console.log(`Passerelles est prête : http://localhost:${config.port} (${describeTarget(config.database)})`);
    if (!config.mail.smtpUrl) console.log(`Sans SMTP_URL, les e-mails sont écrits dans ${config.mail.outboxDir}`);
  });
  answerClientErrorsAsProblems(server);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), shutdownGraceMs).unref();
    // Connections closed first; then the requests still running (their client may have left) finish
    // their queries before the database closes under them.
    server.close(() => {
      scheduler
        .stop()
        .then(() => queries.quiet(100, shutdownGraceMs / 2))
        .then(() => Promise.all([throttle.close(), sequelize.close()]))
        .finally(() => process.exit(0));
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
