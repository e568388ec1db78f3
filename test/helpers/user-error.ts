// The UserError a promise rejects with, for tests of error messages; anything else fails the test.
import { UserError } from '../../src/errors.js';

export async function failure(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}
