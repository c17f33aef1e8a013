import type { Profile } from './profile-schema.js';
import { profileSchema, type ProfileField } from './profile-schema.js';

interface ProfileFormProps {
  value: Partial<Profile> | undefined;
  /** Top-level fields complete so far. */
  completed: readonly string[];
  streaming: boolean;
}

const fields = Object.entries(profileSchema.properties) as [
  ProfileField,
  (typeof profileSchema.properties)[ProfileField],
][];

/**
 * The attendee form, filled by the stream: each field shows what has arrived, and is marked
 * complete when the parser reports its path complete.
 *
 * @example <ProfileForm value={stream.object} completed={['name']} streaming />
 */
export function ProfileForm({ value, completed, streaming }: ProfileFormProps) {
  return (
    <form
      className="demo-form"
      aria-label={profileSchema.title}
      aria-busy={streaming}
      onSubmit={(e) => e.preventDefault()}
    >
      {fields.map(([key, field]) => {
        const current = value?.[key];
        const state = completed.includes(key) ? 'complete' : current === undefined ? 'pending' : 'filling';
        const id = `profile-${key}`;
        return (
          <div key={key} className="demo-field" data-state={state}>
            <label htmlFor={id}>{field.title}</label>
            {field.type === 'boolean' ? (
              <input id={id} type="checkbox" checked={current === true} readOnly aria-readonly="true" />
            ) : key === 'bio' ? (
              <textarea id={id} value={current === undefined ? '' : String(current)} readOnly rows={3} />
            ) : (
              <input id={id} value={current === undefined ? '' : String(current)} readOnly />
            )}
            <span className="demo-field__state">
              {state === 'complete' ? 'complete' : state === 'filling' ? 'arriving…' : 'waiting'}
            </span>
          </div>
        );
      })}
    </form>
  );
}
