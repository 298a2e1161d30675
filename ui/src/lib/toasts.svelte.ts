// App-wide toasts ("Entry deleted — Undo", "Imported 3, skipped 1 duplicate").

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'success' | 'error';
  action?: ToastAction;
}

export interface ToastOptions {
  kind?: Toast['kind'];
  action?: ToastAction;
  /** Milliseconds before it goes away on its own. */
  timeout?: number;
}

class Toasts {
  items = $state<Toast[]>([]);
  #nextId = 1;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(message: string, opts: ToastOptions = {}): number {
    const id = this.#nextId++;
    this.items = [...this.items.slice(-3), { id, message, kind: opts.kind ?? 'info', action: opts.action }];
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), opts.timeout ?? 5000),
    );
    return id;
  }

  dismiss(id: number): void {
    const t = this.#timers.get(id);
    if (t) clearTimeout(t);
    this.#timers.delete(id);
    this.items = this.items.filter((x) => x.id !== id);
  }
}

export const toasts = new Toasts();
