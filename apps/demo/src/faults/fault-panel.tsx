import { useDemoBackend } from '../backend/backend-context.js';
import { useExternalStore } from '../state/external-store.js';
import { faultOptions } from './fault-options.js';
import { armFault, faultStore } from './fault-store.js';

/**
 * The fault panel: arms one fault for the next request any tab makes (chat or form), so the UI's
 * recovery can be watched; the mock applies it once, and the retry or resume gets through. Behind
 * the relay the fault hits the relay's upstream connection (the relay forwards the mock's headers).
 *
 * @example <FaultPanel />
 */
export function FaultPanel() {
  const { armed, injected } = useExternalStore(faultStore);
  const behindRelay = useDemoBackend().kind === 'relay';
  return (
    <aside className="demo-faults" aria-labelledby="faults-title">
      <h2 id="faults-title">Faults</h2>
      <fieldset>
        <legend>Inject into the next request</legend>
        <label className="demo-fault">
          <input type="radio" name="fault" checked={armed === undefined} onChange={() => armFault(undefined)} />
          None
        </label>
        {faultOptions.map((fault) => (
          <label key={fault.id} className="demo-fault">
            <input type="radio" name="fault" checked={armed?.id === fault.id} onChange={() => armFault(fault)} />
            {fault.label}
            <span className="demo-fault__expect">{(behindRelay && fault.behindRelay) || fault.expect}</span>
          </label>
        ))}
      </fieldset>
      <p role="status" className="demo-fault__armed">
        {armed ? `Armed: ${armed.label} (${armed.spec})` : 'No fault armed'}
      </p>
      {injected.length > 0 && (
        <>
          <h3>Injected</h3>
          <ul className="demo-fault__log">
            {injected.map((entry, i) => (
              <li key={`${entry.at}-${i}`}>
                {entry.fault.label} → {new URL(entry.url, location.href).pathname}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
