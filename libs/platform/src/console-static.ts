import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NotFoundException } from '@nestjs/common';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { localizeErrorBody, messageLanguage, toErrorBody } from '@app/kernel';

/** Paths the console never answers: the api's own namespaces keep their JSON 404. */
const SERVER_PATHS = /^\/(api|health|metrics)(\/|$|\?)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web console (Vite output: index.html + hashed files under assets/, each with a .gz and .br
 * beside it) at `/`. Hashed assets are cached for a year; index.html is revalidated every time, so a new build is
 * picked up at the next navigation. Any other GET outside the api's paths answers index.html (the console's routes).
 * Returns false when there is no build to serve (e.g. a server-only checkout).
 */
export async function registerConsole(fastify: FastifyInstance, consoleDir: string): Promise<boolean> {
  const root = path.resolve(consoleDir);
  if (!existsSync(path.join(root, 'index.html'))) return false;
  const headers = (reply: FastifyReply, file: string) => {
    void reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache');
  };
  await fastify.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    preCompressed: true,
    cacheControl: false,
    setHeaders: headers,
    decorateReply: true,
  });
  // Files at the top of the build (favicon, …) besides index.html, fixed at start like the build itself.
  const topFiles = new Set(
    readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isFile() && !/\.(gz|br)$/.test(e.name) && e.name !== 'index.html')
      .map((e) => e.name),
  );
  const serve = (url: string, reply: FastifyReply) => {
    const pathname = url.split('?')[0];
    if (SERVER_PATHS.test(pathname)) {
      const { status, body } = toErrorBody(new NotFoundException(`Cannot GET ${pathname}`), String(reply.request.id));
      const localized = localizeErrorBody(body, messageLanguage(reply.request.headers['accept-language']));
      return reply.status(status).header('content-type', 'application/json; charset=utf-8').send(localized);
    }
    const name = pathname.slice(1);
    return reply.sendFile(topFiles.has(name) ? name : 'index.html', root);
  };
  fastify.get('/', (req, reply) => serve(req.url, reply));
  fastify.get('/*', (req, reply) => serve(req.url, reply));
  return true;
}
