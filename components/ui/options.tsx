/**
 * The `<option>`s of a select over a fixed list of values. `any` adds a first, empty choice
 * ("Any", "Choose a folder…"); `label` words a value when the value itself is not for people.
 */
export function Options<T extends string>({
  values,
  any,
  label,
}: {
  values: readonly T[];
  any?: string;
  label?: (value: T) => string;
}) {
  return (
    <>
      {any !== undefined ? <option value="">{any}</option> : null}
      {values.map((value) => (
        <option key={value} value={value}>
          {label ? label(value) : value}
        </option>
      ))}
    </>
  );
}
