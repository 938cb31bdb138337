// The demo's live event log: every `mfa-*` event the elements fire, with its detail, as the page hears
// it (events bubble and cross shadow roots). `mfa-code-complete` never reaches the page: the factor
// elements keep the code to themselves.
const EVENTS = [
  'mfa-step',
  'mfa-sms-sent',
  'mfa-totp-created',
  'mfa-recovery-codes-saved',
  'mfa-enrolled',
  'mfa-unenrolled',
  'mfa-authenticated',
  'mfa-error',
  'mfa-code-complete',
] as const;

/** What a detail shows: the member and organization by their names, not whole records. */
function summary(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    if (key === 'member' && value) shown.member = (value as { email_address: string }).email_address;
    else if (key === 'organization' && value)
      shown.organization = (value as { organization_name: string }).organization_name;
    else if (key === 'memberSession' && value)
      shown.memberSession = `expires ${(value as { expires_at: string }).expires_at}`;
    else shown[key] = value;
  }
  return JSON.stringify(shown);
}

export function startEventLog(list: HTMLOListElement, limit = 50): void {
  for (const type of EVENTS) {
    document.addEventListener(type, (event) => {
      const li = document.createElement('li');
      const name = document.createElement('code');
      name.className = 'event-name';
      name.textContent = type;
      const detail = document.createElement('span');
      detail.className = 'event-detail';
      detail.textContent = summary((event as CustomEvent).detail);
      li.append(name, detail);
      li.dataset.event = type;
      list.prepend(li);
      while (list.children.length > limit) list.lastElementChild!.remove();
    });
  }
}
