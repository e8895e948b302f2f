import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Sequelize } from 'sequelize';
import swaggerUi from 'swagger-ui-express';
import { accountRoutes } from './account/account.routes';
import { authRoutes } from './auth/auth.routes';
import type { LoginThrottle } from './auth/login-throttle';
import { configurePassport } from './auth/passport';
import { SecretBox } from './auth/secret-box';
import { sessionMiddleware } from './auth/session';
import { projectRoot } from './common/paths';
import type { Config } from './config';
import { calendarFeedRoutes, followUpsRoutes } from './follow-ups/follow-ups.routes';
import { homeRoutes } from './home/home.routes';
import { healthRoutes } from './health/health.routes';
import { Api } from './http/api';
import { apiNotFound, problemHandler } from './http/errors';
import { apiRateLimit } from './http/rate-limit';
import type { Logger } from './logger';
import { contactsRoutes } from './contacts/contacts.routes';
import { dataRoutes } from './data/data.routes';
import type { Mailer } from './mail/mailer';
import { interactionsRoutes } from './interactions/interactions.routes';
import { objectivesRoutes } from './objectives/objectives.routes';
import { partnersRoutes } from './partners/partners.routes';
import { planRoutes } from './plan/plan.routes';
import { projectsRoutes } from './projects/projects.routes';
import { portalRoutes } from './portal/portal.routes';
import { relationshipsRoutes } from './relationships/relationships.routes';
import { searchRoutes } from './search/search.routes';
import { settingsRoutes } from './settings/settings.routes';
import { usersRoutes } from './users/users.routes';
import { visitsRoutes } from './visits/visits.routes';

export type AppContext = {
  config: Config;
  sequelize: Sequelize;
  logger: Logger;
  throttle: LoginThrottle;
  mailer: Mailer;
};

/** Builds the Express app: the API under /api/v1, its documentation, and the Angular app. */
export function createApp(context: AppContext) {
  const { config, sequelize, logger } = context;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.set('query parser', 'simple');

  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' } }));
  app.use(securityHeaders(config));
  app.use(healthRoutes(sequelize));

  configurePassport();
  const api = new Api();
  const secretBox = new SecretBox(config.encryptionKey);
  authRoutes(api, { ...context, secretBox });
  accountRoutes(api, { ...context, secretBox });
  usersRoutes(api);
  settingsRoutes(api);
  objectivesRoutes(api);
  partnersRoutes(api);
  contactsRoutes(api);
  relationshipsRoutes(api);
  searchRoutes(api);
  interactionsRoutes(api, context);
  followUpsRoutes(api, context);
  calendarFeedRoutes(api, context);
  homeRoutes(api, context);
  projectsRoutes(api);
  visitsRoutes(api);
  planRoutes(api);
  portalRoutes(api, { mailer: context.mailer, publicUrl: config.publicUrl, dataDir: config.dataDir, timeZone: config.timeZone });
  dataRoutes(api, context);

  const openApi = api.openApiDocument();
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use('/api/docs', swaggerUi.serveFiles(undefined, { swaggerUrl: '/api/v1/openapi.json' }), swaggerUi.setup(undefined, {
    customSiteTitle: 'Passerelles — API',
    swaggerOptions: { url: '/api/v1/openapi.json' },
  }));

  app.use('/api', noStore, express.json({ limit: '1mb' }), ...sessionMiddleware(config), apiRateLimit(config.apiRateLimitPerMinute));
  app.use('/api/v1', api.router);
  app.use('/api', apiNotFound);

  serveFrontend(app, config.staticDir ?? path.join(projectRoot(), 'dist/frontend/browser'));
  app.use(apiNotFound);
  app.use(problemHandler);
  return app;
}

function securityHeaders(config: Config) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // Angular and Angular Material add component styles at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(config.trustProxy ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: config.trustProxy ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
}

/** API answers hold personal data: never kept by a browser or a shared cache. */
const noStore: express.RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** The built Angular app, with index.html for every client-side route. */
function serveFrontend(app: express.Express, dir: string) {
  if (!existsSync(path.join(dir, 'index.html'))) return;
  app.use(express.static(dir, { index: false, setHeaders: cacheHeaders }));
  app.get(/^(?!\/api\/).*/, (req, res, next) => {
    if (path.extname(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'));
  });
}

/** Files whose name carries a content hash never change; everything else is revalidated. */
function cacheHeaders(res: express.Response, file: string) {
  const hashed = /-[A-Z0-9]{8,}\.(js|css|woff2?)$/.test(path.basename(file));
  res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}
