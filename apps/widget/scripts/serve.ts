// `pnpm --filter @rill/widget run serve` (after a build; `run demo` builds first): the widget on a
// plain page and on a hostile one, for people, the e2e suite and the screenshot.
import { startWidgetServer } from './widget-server.js';

const server = await startWidgetServer(Number(process.env.PORT ?? 4320));
console.log(
  `Rill widget: ${server.url}/ (plain page), ${server.url}/hostile.html (hostile CSS); mock provider at ${server.mockUrl}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
