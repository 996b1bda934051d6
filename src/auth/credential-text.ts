/**
 * Whether presented credential text can match anything stored. Text with a NUL or a lone surrogate
 * cannot: the database refuses NUL in text and would receive a lone surrogate altered (as U+FFFD);
 * password hashing would take `pw\0` for `pw` (HMAC pads its key with zeros) and `\ud800` for U+FFFD.
 * No stored e-mail, key or password holds one (they come from JSON validated at the boundary, the
 * environment or the command line). Such credentials are refused as wrong, before any query or hash.
 */
export const isCredentialText = (text: string): boolean => !text.includes('\u0000') && text.isWellFormed();
