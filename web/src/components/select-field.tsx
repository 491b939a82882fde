/** A labelled choice among codes, each shown by its name; `empty` names a first choice of none. */
export function SelectField<T extends string>(props: {
  id: string;
  label: string;
  value: NoInfer<T> | '';
  codes: readonly T[];
  nameOf(code: T): string;
  onChange(value: NoInfer<T>): void;
  empty?: string;
  error?: string;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.codes.map((code) => (
          <option key={code} value={code}>
            {props.nameOf(code)}
          </option>
        ))}
      </select>
      {props.error && (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}
