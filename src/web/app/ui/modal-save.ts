import type { UseMutationResult } from "@tanstack/react-query";
import { type FormErrorOptions, useFormErrors } from "../form-errors.ts";
import { notifySaved } from "./notify.ts";

export interface ModalSaveOptions<TResult> extends FormErrorOptions {
  /**
   * Whether the form has a field at a path; the server's other issues go above the buttons.
   * Without it, the form has a field for each of its `labels` (given as a record).
   */
  isShown?: (path: string) => boolean;
  /** Closes the modal, after a save and on Cancel. */
  onClose: () => void;
  /** The confirmation after the save, from what the server returned. */
  saved: (result: TResult) => string;
}

/**
 * A form in a modal that saves through one write: `save(values)` clears the last refusal, sends,
 * then confirms and closes — or keeps the modal open with the server's issues beside the fields
 * (`field(path)`) and the rest above the buttons. `frame` is what the FormModal takes from it
 * (open, close, saving, the general error): `<FormModal {...form.frame} title=… onSubmit=…>`.
 */
export function useModalSave<TVars, TResult>(
  write: UseMutationResult<TResult, Error, TVars, unknown>,
  { isShown, onClose, saved, ...errorOptions }: ModalSaveOptions<TResult>,
) {
  const { labels } = errorOptions;
  const shown = isShown ?? ((path: string) => typeof labels === "object" && Object.hasOwn(labels, path));
  const { errors, fail, clear, field, fieldTree } = useFormErrors(shown, errorOptions);
  /** `then` runs after the modal has closed (to open what was created, say). */
  const save = (values: TVars, then?: (result: TResult) => void) => {
    clear();
    write.mutate(values, {
      onSuccess: (result) => {
        notifySaved(saved(result));
        onClose();
        then?.(result);
      },
      onError: fail,
    });
  };
  return {
    errors,
    clear,
    field,
    fieldTree,
    save,
    frame: { opened: true, onClose, saving: write.isPending, general: errors.general },
  };
}
