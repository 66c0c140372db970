import { PasswordInput, type PasswordInputProps } from "@mantine/core";

/** Mantine's PasswordInput, with `aria-invalid` on the input when it shows an error (Mantine leaves it out). */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput {...props} aria-invalid={props.error ? true : undefined} />;
}
