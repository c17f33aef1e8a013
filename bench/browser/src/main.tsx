// The perf page: ?variant=rill|naive|ai-sdk&rate=2000&seconds=20. The runner calls window.runBench()
// once it has taken its "before" readings, and gets the page's own measurements back.
// With ?scenario=history&count=N it is the long-conversation page instead (history/history-page.tsx).
import { Profiler, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import '@rill/ui/styles.css';
import { mountHistory } from './history/history-page.js';
import { startProbe, type PageProbe } from './probes.js';
import { answerText } from './token-stream.js';
import { AiSdkChat } from './variants/ai-sdk-chat.js';
import { FirstTokenContext, type VariantProps } from './variants/bench-conversation.js';
import { NaiveChat } from './variants/naive-chat.js';
import { RillChat } from './variants/rill-chat.js';

/** What `runBench()` resolves with. */
export interface PageResult extends PageProbe {
  tokens: number;
  /** The variant showed exactly the streamed answer, no token lost or doubled. */
  complete: boolean;
}

declare global {
  interface Window {
    runBench(): Promise<PageResult>;
  }
}

const variants: Record<string, ComponentType<VariantProps>> = { rill: RillChat, naive: NaiveChat, 'ai-sdk': AiSdkChat };
const params = new URLSearchParams(location.search);
const pace = {
  rate: Number(params.get('rate') ?? 2000),
  seconds: Number(params.get('seconds') ?? 20),
  content: params.get('content') === 'code' ? ('code' as const) : ('prose' as const),
};
const tokens = Math.round(pace.rate * pace.seconds);
const Variant = variants[params.get('variant') ?? ''];

if (params.get('scenario') === 'history')
  mountHistory(params.get('variant') ?? '', Number(params.get('count') ?? 10), pace);
else if (!Variant)
  throw new Error(`Unknown variant "${params.get('variant')}"; use one of ${Object.keys(variants).join(', ')}`);
else {
  window.runBench = () =>
    new Promise((resolve) => {
      const probe = startProbe();
      const onDone = (text: string) =>
        resolve({ ...probe.stop(), tokens, complete: text === answerText(tokens, pace.content) });
      createRoot(document.getElementById('root') as HTMLElement).render(
        <Profiler id="bench" onRender={probe.onCommit}>
          <FirstTokenContext value={probe.onFirstToken}>
            <Variant pace={pace} onDone={onDone} />
          </FirstTokenContext>
        </Profiler>,
      );
    });
}
