// Instants as people in the party's time zone read them: `2026-12-01 09:30`.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatInstant(instant: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f.format(instant);
}
