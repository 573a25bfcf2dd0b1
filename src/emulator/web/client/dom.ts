// Small DOM helpers for the sandbox page: find elements or fail loudly, build HTML-escaped nodes.
export function $<T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`page element ${selector} is missing`);
  return el;
}

export function html(markup: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  return template.content.firstElementChild as HTMLElement;
}

export function formatTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Runs `fn` every `ms` while the page is open; the first run happens at once. */
export function every(ms: number, fn: () => Promise<void>): void {
  const tick = async () => {
    try {
      await fn();
    } catch (err) {
      console.warn(err);
    }
    window.setTimeout(tick, ms);
  };
  void tick();
}
