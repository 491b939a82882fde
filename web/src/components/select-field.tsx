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
