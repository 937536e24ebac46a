// @vitest-environment jsdom
import { afterEach, expect, test } from 'vitest';
import {
  setSingleKeyShortcuts,
  singleKeyShortcutsOn,
} from '../../wellness-state/model/wellness-choices';
import { bindCommands, dispatchKey, mountScope, type KeyPress, type Scope } from './key-dispatcher';
import { next, previous, type ListCommandContext } from './command-registry';
import { undo } from './undo-command';

const performed: string[] = [];
let offered = true;
const list: ListCommandContext = {
  move: (delta) => performed.push(delta > 0 ? 'next' : 'previous'),
};
const scope = (userId: string): Scope => ({
  userId,
  live: () => [
    ...bindCommands([next, previous], () => list),
    ...bindCommands([undo], () => ({ offered, undo: () => performed.push('undo') })),
  ],
});

afterEach(() => {
  performed.length = 0;
  offered = true;
});

function press(key: string, over: Partial<KeyPress> = {}) {
  let prevented = false;
  const pressed: KeyPress = {
    key,
    target: document.body,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    repeat: false,
    preventDefault: () => (prevented = true),
    ...over,
  };
  const handled = dispatchKey(pressed, [scope('usr_ana')], () => true);
  return { handled, prevented };
}

test('a key runs the command bound to it, and its default is prevented', () => {
  expect(press('j')).toEqual({ handled: true, prevented: true });
  expect(press('ArrowUp')).toEqual({ handled: true, prevented: true });
  expect(performed).toEqual(['next', 'previous']);
  expect(press('x')).toEqual({ handled: false, prevented: false });
});

test('nothing runs while the user types in a field', () => {
  for (const field of ['input', 'textarea', 'select']) {
    const target = document.createElement(field);
    expect(press('j', { target }).handled, field).toBe(false);
    expect(press('ArrowDown', { target }).handled, field).toBe(false);
  }
  const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
  expect(press('j', { target: checkbox }).handled).toBe(true);
  expect(performed).toEqual(['next']);
});

test('a key held with Alt, Ctrl or Meta belongs to the browser or the system', () => {
  for (const modifier of ['altKey', 'ctrlKey', 'metaKey'] as const)
    expect(press('j', { [modifier]: true }), modifier).toEqual({
      handled: false,
      prevented: false,
    });
  expect(performed).toEqual([]);
});

test('with single-key shortcuts off, letters do nothing and the arrows still move', () => {
  setSingleKeyShortcuts('usr_off', false);
  const events = ['j', 'u', 'ArrowDown'].map((key) => {
    const event = new KeyboardEvent('keydown', { key, cancelable: true });
    dispatchKey(event, [scope('usr_off')], singleKeyShortcutsOn);
    return event.defaultPrevented;
  });
  expect(events).toEqual([false, false, true]);
  expect(performed).toEqual(['next']);
});

test('a command not enabled now is not run; one that runs once is not repeated by a held key', () => {
  offered = false;
  expect(press('u').handled).toBe(false);
  offered = true;
  expect(press('u', { repeat: true }).handled).toBe(false);
  expect(press('j', { repeat: true }).handled).toBe(true);
  expect(performed).toEqual(['next']);
});

test('one listener serves every scope mounted, and reads the user’s shortcut switch', () => {
  setSingleKeyShortcuts('usr_ben', true);
  const unmount = mountScope(scope('usr_ben'));
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k' }));
  setSingleKeyShortcuts('usr_ben', false);
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k' }));
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
  unmount();
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
  expect(performed).toEqual(['previous', 'next']);
});
