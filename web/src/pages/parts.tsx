import type { ReactNode } from 'react';
import { ApiProblem } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';

/** A failed call, in words: the API's problem title (never a stack or raw body). */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  const text = error instanceof ApiProblem ? (error.problem.detail ?? error.problem.title) : t('failed');
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}

const FLAG_NAMES: Record<string, MessageKey> = {
  deceased: 'deceased',
  protectedAddress: 'protectedAddress',
  restricted: 'restricted',
  addressDoubtful: 'addressDoubtful',
};

export function Flags({ flags }: { flags: Record<string, boolean> }) {
  const { t } = useI18n();
  const set = Object.keys(FLAG_NAMES).filter((name) => flags[name]);
  if (set.length === 0) return null;
  return (
    <span className="flags">
      {set.map((name) => (
        <span key={name} className={`flag flag-${name}`}>
          {t(FLAG_NAMES[name]!)}
        </span>
      ))}
    </span>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/** A labelled input with its API field error beside it, tied together for screen readers. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  type?: string;
  autoComplete?: string;
  required?: boolean;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete ?? 'off'}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      />
      {props.error && (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** Field errors of a 400, by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  return Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e.message]));
}

/** A labelled choice among codes, each shown by its name; `empty` names a first choice of none. */
export function SelectField<T extends string>(props: {
  id: string;
  label: string;
  value: NoInfer<T> | '';
  codes: readonly T[];
  nameOf(code: T): string;
  onChange(value: NoInfer<T>): void;
  empty?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.codes.map((code) => (
          <option key={code} value={code}>
            {props.nameOf(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
