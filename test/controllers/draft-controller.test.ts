import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  DraftController,
  draftKey,
  type DraftStorage,
  type DraftTimers,
} from '../../src/controllers/draft-controller.js';

class FakeHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {}
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

class MapStorage implements DraftStorage {
  map = new Map<string, string>();
  writes = 0;
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.writes++;
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.writes++;
    this.map.delete(k);
  }
}

/** Timers run by hand. */
class ManualTimers implements DraftTimers {
  private next = 1;
  pending = new Map<number, { callback: () => void; ms: number }>();
  set(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  runAll(): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const j of jobs) j.callback();
  }
}

const K = (id: string) => draftKey('cloove', id);

describe('DraftController', () => {
  let host: FakeHost;
  let storage: MapStorage;
  let timers: ManualTimers;
  let drafts: DraftController;

  beforeEach(() => {
    host = new FakeHost();
    storage = new MapStorage();
    timers = new ManualTimers();
    drafts = new DraftController(host, { storage, timers, delay: 300 });
  });

  it('registers with its host', () => {
    expect(host.controllers).to.include(drafts);
  });

  it('keys drafts by dialect and conversation', () => {
    expect(draftKey('vobiz', 'c-1')).to.equal('inbox-elements:draft:vobiz:c-1');
    drafts.switchTo('vobiz', 'c-1');
    expect(drafts.key).to.equal('inbox-elements:draft:vobiz:c-1');
    drafts.switchTo('vobiz', null);
    expect(drafts.key).to.equal(null);
  });

  it('writes typing after the quiet period only', () => {
    drafts.switchTo('cloove', 'a');
    drafts.set('H');
    drafts.set('Hi');
    expect(storage.map.has(K('a'))).to.equal(false);
    expect(timers.pending.size).to.equal(1);
    expect([...timers.pending.values()][0].ms).to.equal(300);
    timers.runAll();
    expect(storage.getItem(K('a'))).to.equal('Hi');
    expect(storage.writes).to.equal(1);
  });

  it('writes the pending draft at once when the conversation changes', () => {
    drafts.switchTo('cloove', 'a');
    drafts.set('for A');
    const b = drafts.switchTo('cloove', 'b');
    expect(storage.getItem(K('a'))).to.equal('for A');
    expect(b).to.equal('');
    expect(timers.pending.size).to.equal(0);
  });

  it('returns only the conversation’s own draft', () => {
    storage.setItem(K('a'), 'A draft');
    storage.setItem(draftKey('vobiz', 'b'), 'other dialect');
    expect(drafts.switchTo('cloove', 'a')).to.equal('A draft');
    expect(drafts.switchTo('cloove', 'b')).to.equal('');
    expect(drafts.switchTo('vobiz', 'b')).to.equal('other dialect');
  });

  it('keeps the pending text when switched to the same conversation again', () => {
    drafts.switchTo('cloove', 'a');
    drafts.set('typing');
    expect(drafts.switchTo('cloove', 'a')).to.equal('typing');
  });

  it('clears a sent draft, including one still pending', () => {
    storage.setItem(K('a'), 'old');
    drafts.switchTo('cloove', 'a');
    drafts.set('newer');
    drafts.clear();
    timers.runAll();
    expect(storage.map.has(K('a'))).to.equal(false);
  });

  it('removes a draft that is only whitespace', () => {
    storage.setItem(K('a'), 'x');
    drafts.switchTo('cloove', 'a');
    drafts.set('  \n ');
    drafts.flush();
    expect(storage.map.has(K('a'))).to.equal(false);
  });

  it('writes when the host disconnects', () => {
    drafts.hostConnected();
    drafts.switchTo('cloove', 'a');
    drafts.set('leaving');
    drafts.hostDisconnected();
    expect(storage.getItem(K('a'))).to.equal('leaving');
  });

  it('writes when the page is hidden or unloaded', () => {
    drafts.hostConnected();
    drafts.switchTo('cloove', 'a');
    drafts.set('reload');
    window.dispatchEvent(new Event('pagehide'));
    expect(storage.getItem(K('a'))).to.equal('reload');
    drafts.hostDisconnected();
    drafts.set('after');
    window.dispatchEvent(new Event('pagehide'));
    expect(storage.getItem(K('a'))).to.equal('reload'); // listener removed
  });

  it('reads and writes another conversation directly', () => {
    drafts.switchTo('cloove', 'a');
    drafts.write('cloove', 'b', 'restored');
    expect(drafts.read('cloove', 'b')).to.equal('restored');
    drafts.set('pending A');
    expect(drafts.read('cloove', 'a')).to.equal('pending A');
  });

  it('ignores typing without a conversation', () => {
    drafts.switchTo(undefined, 'a');
    drafts.set('nowhere');
    drafts.flush();
    expect(storage.writes).to.equal(0);
  });

  it('keeps drafts in memory when storage throws', () => {
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    const one = new DraftController(new FakeHost(), { storage: broken, timers });
    one.switchTo('broken', 'a');
    one.set('kept in memory');
    one.flush();
    const two = new DraftController(new FakeHost(), { storage: broken, timers });
    expect(two.switchTo('broken', 'a')).to.equal('kept in memory');
    expect(two.switchTo('broken', 'b')).to.equal('');
  });

  it('uses localStorage by default', () => {
    const real = new DraftController(new FakeHost());
    real.switchTo('draft-controller-test', 'x');
    real.set('in localStorage');
    real.flush();
    expect(localStorage.getItem(draftKey('draft-controller-test', 'x'))).to.equal('in localStorage');
    real.clear();
    expect(localStorage.getItem(draftKey('draft-controller-test', 'x'))).to.equal(null);
  });
});
