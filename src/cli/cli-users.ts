import type { CommandContext } from './cli-command.types';
import { CliError } from './cli-errors';

/** The user a command names by e-mail; a one-line error pointing at users:list when there is none. */
export async function userByEmail(context: CommandContext, email: string) {
  const user = await context.identity.findUserByEmail(email);
  if (!user) throw new CliError(`No user with e-mail ${email} (npm run cli -- users:list shows them)`);
  return user;
}
