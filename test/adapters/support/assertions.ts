/**
 * Assertions the adapter tests share: what a call rejects with, and what it
 * warned on the console while it ran.
 */
import { isInboxError, type InboxError } from '../../../src/data/errors.js';

/** Whatever `promise` rejects with; fails the test when it resolves. */
export async function anyRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject, but it resolved');
}

/** The InboxError `promise` rejects with; fails the test when it resolves, rethrows any other error. */
export async function rejection(promise: Promise<unknown>): Promise<InboxError> {
  const error = await anyRejection(promise);
  if (isInboxError(error)) return error;
  throw error;
}

/** Runs `run` with `console.warn` captured (and restored after): its result and each warning's arguments. */
export async function captureWarnings<T>(run: () => Promise<T>): Promise<{ result: T; warned: unknown[][] }> {
  const original = console.warn;
  const warned: unknown[][] = [];
  console.warn = (...args: unknown[]) => warned.push(args);
  try {
    return { result: await run(), warned };
  } finally {
    console.warn = original;
  }
}
