/** True while the person is typing text, where single-letter shortcuts and Ctrl+Z belong to the field. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  // A checkbox or button is an input too, but nothing is typed into it (issue 9: Ctrl+Z on a checkbox).
  return (
    target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset"].includes(target.type)
  );
}
