// Baseline server for http-throughput: bare Fastify (the version @nestjs/platform-fastify installs), one route.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void app.close().then(() => process.exit(0)));
